package deepdash.prices;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Caps how many uploads are received and parsed at once. Each costs memory for the rows it
 * keeps and a core while it parses; without a cap a burst of large uploads filled the heap. A
 * request that finds no free slot is refused at once (the caller answers 503 with
 * {@code Retry-After}) rather than queued: a queued upload still holds a server thread and its
 * connection, and the browser would wait with no word of why.
 *
 * <p>Safe to use from several threads.
 */
public final class UploadSlots {

    private final int limit;
    private final Semaphore free;
    private final Runnable whenAllFree;

    /** @param limit how many uploads may be in progress at once, at least 1 */
    public UploadSlots(int limit) {
        this(limit, () -> { });
    }

    /**
     * @param limit how many uploads may be in progress at once, at least 1
     * @param whenAllFree run by the thread that gives back the last slot taken, when none is left taken
     */
    public UploadSlots(int limit, Runnable whenAllFree) {
        if (limit < 1) {
            throw new IllegalArgumentException("the upload limit must be at least 1, got " + limit);
        }
        this.limit = limit;
        this.free = new Semaphore(limit);
        this.whenAllFree = Objects.requireNonNull(whenAllFree, "whenAllFree");
    }

    /** A slot, to be closed when the upload is done; empty when all are taken. Never waits. */
    public Optional<Slot> tryTake() {
        return free.tryAcquire() ? Optional.of(new Slot()) : Optional.empty();
    }

    /** How many uploads may be in progress at once. */
    public int limit() {
        return limit;
    }

    /** How many slots are taken now. */
    public int inUse() {
        return limit - free.availablePermits();
    }

    /** One upload's right to proceed; closing it more than once gives the slot back only once. */
    public final class Slot implements AutoCloseable {

        private final AtomicBoolean open = new AtomicBoolean(true);

        private Slot() {
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                free.release();
                if (free.availablePermits() == limit) {
                    whenAllFree.run();
                }
            }
        }
    }
}
