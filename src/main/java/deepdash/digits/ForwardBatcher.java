package deepdash.digits;

import deepdash.engine.MxnetDispatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stacks single predictions into shared forward passes on the one MXNet thread.
 *
 * <p>Requests queue in a lane per model and per "with feature maps or not" (a pass with feature
 * maps copies every convolution's output, one without does not). A lane has at most one drain
 * task on the MXNet thread at a time: the first request of a quiet lane schedules it and runs alone
 * at once, and requests that arrive while the thread is busy wait in the lane and go together into
 * the next pass, up to {@code maxBatch} of them. While requests of the lane are still being decoded
 * on their own threads ({@link #arrive}), the drain task waits for them, at most {@code maxWait}, so
 * a burst of canvas exports shares a pass instead of trickling in one by one; an idle server never
 * waits.
 *
 * <p>Every request is validated before it joins a lane, so a bad input gets its own 4xx and never
 * reaches a batch. Should a batched pass fail all the same, each of its inputs is run again alone,
 * so only the request that caused the failure sees it.
 */
final class ForwardBatcher {

    /** Inputs per pass: 50 waiting clients fit in one, and a pass of 64 takes a few ms on one core. */
    static final int DEFAULT_MAX_BATCH = 64;
    /** How long a pass may wait for requests still being decoded: well under one PNG decode. */
    static final long DEFAULT_MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

    /** One forward pass of many inputs with one model; runs on the MXNet thread. */
    interface BatchForward {
        /**
         * @return one {@link Activations} per input, in order
         */
        Activations[] forward(String modelId, boolean withFeatureMaps, float[][] inputs);
    }

    /** How many passes ran and how many requests they carried; for tests and benchmarks. */
    record Stats(long passes, long requests, int largestPass) {
    }

    private record LaneKey(String modelId, boolean withFeatureMaps) {
    }

    private record Pending(float[] pixels, CompletableFuture<Activations> result) {
    }

    private static final class Lane {
        final LaneKey key;
        final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
        /** True while a drain task is queued or running on the MXNet thread. */
        final AtomicBoolean scheduled = new AtomicBoolean();
        /** Requests of this lane being decoded and preprocessed on their own threads right now. */
        final AtomicInteger arriving = new AtomicInteger();

        Lane(LaneKey key) {
            this.key = key;
        }
    }

    /**
     * A request on its way to a lane: opened before its PNG is decoded, so a pass that is about to
     * run knows to wait for it. Close it in any case; {@link #forward} hands it over.
     */
    final class Arrival implements AutoCloseable {
        private final Lane lane;
        private boolean counted = true;

        private Arrival(Lane lane) {
            this.lane = lane;
            lane.arriving.incrementAndGet();
        }

        /** Joins the lane with the preprocessed input and waits for its pass. */
        Activations forward(float[] pixels) {
            return await(enqueue(lane, pixels, this));
        }

        private void leave() {
            if (counted) {
                counted = false;
                lane.arriving.decrementAndGet();
            }
        }

        @Override
        public void close() {
            leave();
        }
    }

    private final MxnetDispatcher mxnet;
    private final BatchForward forward;
    private final int maxBatch;
    private final long maxWaitNanos;
    private final ConcurrentHashMap<LaneKey, Lane> lanes = new ConcurrentHashMap<>();
    private final AtomicLong passes = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger largestPass = new AtomicInteger();

    /**
     * @param mxnet the thread every pass runs on
     * @param forward the pass itself
     * @param maxBatch most inputs per pass, at least 1
     * @param maxWaitNanos longest a pass waits for requests still being decoded, 0 for never
     */
    ForwardBatcher(MxnetDispatcher mxnet, BatchForward forward, int maxBatch, long maxWaitNanos) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        }
        if (maxWaitNanos < 0) {
            throw new IllegalArgumentException("maxWaitNanos must not be negative, got " + maxWaitNanos);
        }
        this.mxnet = mxnet;
        this.forward = forward;
        this.maxBatch = maxBatch;
        this.maxWaitNanos = maxWaitNanos;
    }

    /** Announces a request for this lane that is still being decoded; see {@link Arrival}. */
    Arrival arrive(String modelId, boolean withFeatureMaps) {
        return new Arrival(lane(modelId, withFeatureMaps));
    }

    /**
     * Runs one validated input through the model, in a pass shared with whatever else is waiting,
     * and blocks until its share of the pass is back.
     */
    Activations forward(String modelId, boolean withFeatureMaps, float[] pixels) {
        return await(enqueue(lane(modelId, withFeatureMaps), pixels, null));
    }

    Stats stats() {
        return new Stats(passes.get(), requests.get(), largestPass.get());
    }

    /** Requests waiting in a lane for their pass; for tests. */
    int queued(String modelId, boolean withFeatureMaps) {
        Lane lane = lanes.get(new LaneKey(modelId, withFeatureMaps));
        return lane == null ? 0 : lane.queue.size();
    }

    private Lane lane(String modelId, boolean withFeatureMaps) {
        return lanes.computeIfAbsent(new LaneKey(modelId, withFeatureMaps), Lane::new);
    }

    private CompletableFuture<Activations> enqueue(Lane lane, float[] pixels, Arrival arrival) {
        Pending pending = new Pending(pixels, new CompletableFuture<>());
        lane.queue.add(pending);
        if (arrival != null) {
            // After the add, so a waiting pass never sees "none arriving" and an empty queue both
            // while this request is in between.
            arrival.leave();
        }
        schedule(lane);
        return pending.result();
    }

    private void schedule(Lane lane) {
        if (!lane.scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            mxnet.execute(() -> drain(lane));
        } catch (RejectedExecutionException closed) {
            lane.scheduled.set(false);
            IllegalStateException refusal = new IllegalStateException("the prediction service is closed");
            for (Pending pending; (pending = lane.queue.poll()) != null; ) {
                pending.result().completeExceptionally(refusal);
            }
        }
    }

    /** On the MXNet thread: one pass of what the lane holds, then again if more came meanwhile. */
    private void drain(Lane lane) {
        try {
            List<Pending> batch = take(lane);
            if (!batch.isEmpty()) {
                run(lane.key, batch);
            }
        } finally {
            lane.scheduled.set(false);
            // A request that queued after take() but saw the flag still set relies on this check.
            if (!lane.queue.isEmpty()) {
                schedule(lane);
            }
        }
    }

    private List<Pending> take(Lane lane) {
        List<Pending> batch = new ArrayList<>();
        lane.queue.drainTo(batch, maxBatch);
        long deadline = System.nanoTime() + maxWaitNanos;
        while (batch.size() < maxBatch && lane.arriving.get() > 0) {
            long leftNanos = deadline - System.nanoTime();
            if (leftNanos <= 0) {
                break;
            }
            try {
                Pending next = lane.queue.poll(Math.min(leftNanos, POLL_NANOS), TimeUnit.NANOSECONDS);
                if (next != null) {
                    batch.add(next);
                    lane.queue.drainTo(batch, maxBatch - batch.size());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // A request that queued and left between the last poll and the check above is in the queue
        // (it adds before it leaves): take it too, instead of leaving it to a pass of its own.
        lane.queue.drainTo(batch, maxBatch - batch.size());
        return batch;
    }

    private void run(LaneKey key, List<Pending> batch) {
        float[][] inputs = new float[batch.size()][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = batch.get(i).pixels();
        }
        passes.incrementAndGet();
        requests.addAndGet(inputs.length);
        largestPass.accumulateAndGet(inputs.length, Math::max);
        Activations[] results;
        try {
            results = forward.forward(key.modelId(), key.withFeatureMaps(), inputs);
        } catch (Throwable failure) {
            // Caught whole, Errors included: a request left without an answer would wait forever,
            // and an Error escaping would replace the MXNet thread.
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(failure);
            } else {
                runAlone(key, batch);
            }
            return;
        }
        for (int i = 0; i < results.length; i++) {
            batch.get(i).result().complete(results[i]);
        }
    }

    /** After a failed shared pass: each input alone, so a failure reaches only its own request. */
    private void runAlone(LaneKey key, List<Pending> batch) {
        for (Pending pending : batch) {
            try {
                pending.result().complete(forward.forward(key.modelId(), key.withFeatureMaps(),
                        new float[][] {pending.pixels()})[0]);
            } catch (Throwable failure) {
                pending.result().completeExceptionally(failure);
            }
        }
    }

    private static Activations await(CompletableFuture<Activations> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for MXNet", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }
}
