package deepdash.events;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One client's queue of events. The hub only ever offers to it, never waits, so a slow or dead
 * client cannot slow the producer: when its queue is full it is dropped and must reconnect (with
 * {@code Last-Event-ID}, which replays what it missed). Whoever reads it may ask to be told when
 * there is something to read ({@link #onChange}); the hub calls that on its own thread, so it must
 * only hand work over, never write to a socket.
 */
public final class Subscription {

    static final int CAPACITY = 2_048;

    private static final Runnable NOBODY = () -> {
    };

    // Linked rather than an array: most clients hold a handful of events, and a server may hold
    // thousands of clients; the bound is the same.
    private final BlockingQueue<StreamEvent> queue = new LinkedBlockingQueue<>(CAPACITY);
    private volatile boolean dropped;
    private volatile boolean closed;
    private volatile Runnable listener = NOBODY;

    boolean offer(StreamEvent event) {
        if (closed || dropped) {
            return false;
        }
        boolean kept = queue.offer(event);
        if (!kept) {
            dropped = true;
        }
        listener.run();
        return kept;
    }

    /**
     * Calls {@code listener} after every event offered, when the client is dropped and when the
     * subscription closes. Events already queued are not announced: read them after setting it.
     */
    public void onChange(Runnable newListener) {
        listener = newListener;
    }

    /** The next event, or null after {@code timeoutMillis} (time for a heartbeat). */
    public StreamEvent next(long timeoutMillis) throws InterruptedException {
        return queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** The next event, or null at once if none is queued. */
    public StreamEvent poll() {
        return queue.poll();
    }

    /** True once the client fell too far behind; the stream should close. */
    public boolean isDropped() {
        return dropped && queue.isEmpty();
    }

    void close() {
        closed = true;
        listener.run();
    }

    public boolean isClosed() {
        return closed;
    }
}
