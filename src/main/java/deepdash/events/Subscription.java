package deepdash.events;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One client's queue of events. The hub only ever offers to it, never waits, so a slow or dead
 * client cannot slow the producer: when its queue is full it is dropped and must reconnect (with
 * {@code Last-Event-ID}, which replays what it missed).
 */
public final class Subscription {

    static final int CAPACITY = 2_048;

    private final BlockingQueue<StreamEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
    private volatile boolean dropped;
    private volatile boolean closed;

    boolean offer(StreamEvent event) {
        if (closed || dropped) {
            return false;
        }
        if (!queue.offer(event)) {
            dropped = true;
            return false;
        }
        return true;
    }

    /** The next event, or null after {@code timeoutMillis} (time for a heartbeat). */
    public StreamEvent next(long timeoutMillis) throws InterruptedException {
        return queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** True once the client fell too far behind; the stream should close. */
    public boolean isDropped() {
        return dropped && queue.isEmpty();
    }

    void close() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }
}
