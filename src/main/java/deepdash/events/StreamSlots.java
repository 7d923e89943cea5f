package deepdash.events;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cap on event streams open at once. A stream takes a slot before its response starts (so a
 * refusal can still be a 503) and gives it back exactly once, when its connection is over.
 */
final class StreamSlots {

    private final int maxStreams;
    private final AtomicInteger open = new AtomicInteger();

    StreamSlots(int maxStreams) {
        if (maxStreams < 1) {
            throw new IllegalArgumentException("max streams must be at least 1, got " + maxStreams);
        }
        this.maxStreams = maxStreams;
    }

    boolean tryTake() {
        while (true) {
            int now = open.get();
            if (now >= maxStreams) {
                return false;
            }
            if (open.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void giveBack() {
        open.decrementAndGet();
    }

    int open() {
        return open.get();
    }

    int max() {
        return maxStreams;
    }
}
