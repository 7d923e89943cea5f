package deepdash.training;

/** Lets at most one progress report through per interval, so the stream stays near 5 a second. */
final class ProgressThrottle {

    private final long intervalNanos;
    private long lastNanos;

    ProgressThrottle(long intervalMillis) {
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.lastNanos = System.nanoTime() - intervalNanos;
    }

    boolean ready() {
        long now = System.nanoTime();
        if (now - lastNanos >= intervalNanos) {
            lastNanos = now;
            return true;
        }
        return false;
    }
}
