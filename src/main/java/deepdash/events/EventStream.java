package deepdash.events;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One client's server-sent event stream, written without ever holding a thread for it.
 *
 * <p>The response is in servlet async mode with non-blocking output: a write only goes out when
 * {@link ServletOutputStream#isReady()} says the socket can take it, and the container calls
 * {@link #onWritePossible()} once it can again. Anything that may have made work (an event
 * queued, a heartbeat due, the socket ready) calls {@link #signal()}, which runs one
 * {@link #drain()} at a time on the shared writer pool; a drain writes what it can and returns.
 * So a client that stops reading costs its queue and its socket, never a thread, and cannot delay
 * any other client: its queue fills, it is dropped, and the connection's idle timeout ends it.
 */
final class EventStream implements WriteListener, AsyncListener {

    private static final byte[] HEARTBEAT = SseFrames.comment("heartbeat");

    private final Subscription subscription;
    private final AsyncContext async;
    private final ServletOutputStream out;
    private final Executor writers;
    private final long heartbeatNanos;
    private final Consumer<EventStream> onEnd;
    /** Completing it ends the response (the web framework completes the async request). */
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    /** Signals not yet seen by a drain; a drain is queued or running while it is above zero. */
    private final AtomicInteger signals = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();

    private volatile boolean started;
    private volatile boolean finished;
    private volatile boolean heartbeatDue;
    private volatile long lastWriteNanos = System.nanoTime();
    // Touched only inside drain(), which never runs twice at once.
    private boolean unflushed;
    private boolean ending;

    EventStream(Subscription subscription, AsyncContext async, ServletOutputStream out, Executor writers,
            long heartbeatNanos, Consumer<EventStream> onEnd) {
        this.subscription = subscription;
        this.async = async;
        this.out = out;
        this.writers = writers;
        this.heartbeatNanos = heartbeatNanos;
        this.onEnd = onEnd;
    }

    /** Hooks the stream to its request and its subscription and writes what is already queued. */
    CompletableFuture<Void> start() {
        try {
            async.addListener(this);
            subscription.onChange(this::signal);
            out.setWriteListener(this);
        } catch (RuntimeException e) {
            end();
            throw e;
        }
        started = true;
        signal();
        return done;
    }

    /** Asks for a heartbeat comment if nothing was written for the heartbeat interval. */
    void heartbeatIfQuiet(long nowNanos) {
        if (nowNanos - lastWriteNanos >= heartbeatNanos) {
            heartbeatDue = true;
            signal();
        }
    }

    /** Safe from any thread, never blocks: makes sure a drain runs after this call. */
    void signal() {
        if (signals.getAndIncrement() == 0) {
            try {
                writers.execute(this::drain);
            } catch (RejectedExecutionException shuttingDown) {
                signals.set(0);
            }
        }
    }

    private void drain() {
        int seen = signals.get();
        while (true) {
            if (started && !finished) {
                try {
                    pump();
                } catch (IOException | RuntimeException clientGone) {
                    // Jetty reports a closed or reset connection here (or, later, in onError).
                    fail();
                }
            }
            int left = signals.addAndGet(-seen);
            if (left == 0) {
                return;
            }
            seen = left;
        }
    }

    /** Writes while the socket takes it: queued events, a due heartbeat, then a flush; ends after the last. */
    private void pump() throws IOException {
        while (out.isReady()) {
            if (!ending) {
                StreamEvent event = subscription.poll();
                if (event != null) {
                    write(event.frame());
                    ending = event.terminal();
                    continue;
                }
                if (subscription.isDropped() || subscription.isClosed()) {
                    // Too far behind (it reconnects with Last-Event-ID), or the run was deleted.
                    ending = true;
                    continue;
                }
                if (heartbeatDue) {
                    heartbeatDue = false;
                    write(HEARTBEAT);
                    continue;
                }
            }
            if (unflushed) {
                unflushed = false;
                out.flush();
                continue;
            }
            if (ending) {
                finish();
            }
            return;
        }
        // Not ready: the container calls onWritePossible() when the pending write is done.
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        unflushed = true;
        lastWriteNanos = System.nanoTime();
    }

    /** Everything is written and flushed: let the response complete. */
    private void finish() {
        finished = true;
        done.complete(null);
        // Normally onComplete() follows at once; not waiting for it means no path can keep the slot.
        end();
    }

    /** The connection broke: stop writing and complete the response so the container lets go. */
    private void fail() {
        finished = true;
        done.complete(null);
        end();
    }

    /** Runs once, whichever way the stream ended: unsubscribes and gives the slot back. */
    private void end() {
        if (ended.compareAndSet(false, true)) {
            finished = true;
            onEnd.accept(this);
        }
    }

    @Override
    public void onWritePossible() {
        signal();
    }

    @Override
    public void onError(Throwable failure) {
        fail();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        end();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        fail();
    }

    @Override
    public void onError(AsyncEvent event) {
        fail();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Not restarted.
    }
}
