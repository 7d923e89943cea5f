package deepdash.engine;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The one thread in the server that calls into MXNet.
 *
 * <p>MXNet's C API is not thread-safe, and its maintainers advise a single dispatcher thread for
 * all calls. Every summary and prediction in the server is a task submitted here; callers block
 * until their task is done. Training never runs here: it runs in worker processes.
 */
public final class MxnetDispatcher implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "mxnet-dispatcher");
        t.setDaemon(true);
        return t;
    });

    public MxnetDispatcher() {
        // MXNet reads its thread and engine settings from the environment when it loads, which is on
        // this thread, at its first task: set them first, here rather than on the start-up path.
        thread.execute(EngineSettings::applyToThisProcess);
    }

    /**
     * Queues {@code task} on the MXNet thread and returns at once: for a task that hands its results
     * over itself (a prediction batch completes each request's future).
     *
     * @throws java.util.concurrent.RejectedExecutionException once the dispatcher is closed
     */
    public void execute(Runnable task) {
        thread.execute(task);
    }

    /** Runs {@code task} on the MXNet thread and returns its result, rethrowing its exception. */
    public <T> T call(Callable<T> task) {
        Future<T> future = thread.submit(task);
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
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

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
