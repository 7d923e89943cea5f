package deepdash.runs;

import deepdash.protocol.WorkerProtocol;
import java.time.Duration;

/**
 * Decides when a worker that has gone quiet is stuck. The rule:
 *
 * <pre>
 *   stuck when  silence &gt; max(stallFloor, 20 x slowestGap)
 * </pre>
 *
 * where {@code silence} is the time since the worker's last protocol line of any kind (or since it
 * was launched), and {@code slowestGap} is the longest time between two consecutive lines since
 * its first {@code progress} line, i.e. the slowest batch (or evaluation batch, or model save) seen
 * so far. A worker that has shown it needs 10 s between lines gets 200 s; the floor (120 s by
 * default) covers everything before the first progress line and workers whose batches are fast.
 * Until its very first line a worker gets at least {@link #FIRST_LINE_ALLOWANCE}: nothing can
 * report while the JVM boots, which took 3-4 s on a busy 2-core machine (load 13), so a short floor
 * (tests use seconds) must not apply to it.
 *
 * <p>This works because a healthy worker is never quiet for long: during start-up (loading MXNet,
 * reading MNIST) a heartbeat thread in the worker sends a line every second, training sends
 * progress at most every 200 ms of batches, and validation and test passes send a line per
 * evaluation batch. A worker that is stopped (SIGSTOP), frozen, or stuck in a native call after
 * training began goes silent. Thread-safe: lines arrive on the worker's stdout thread, checks come
 * from the watchdog thread.
 */
final class WorkerLiveness {

    /** How many times its slowest gap so far a worker may stay silent (above the floor). */
    static final int SLOWEST_GAP_FACTOR = 20;
    /** The least time a worker gets to send its first line. */
    static final Duration FIRST_LINE_ALLOWANCE = Duration.ofSeconds(30);

    private final long floorNanos;
    private long lastLineNanos;
    private long slowestGapNanos;
    private boolean heardAny;
    private boolean training;

    WorkerLiveness(Duration stallFloor, long launchedNanos) {
        this.floorNanos = stallFloor.toNanos();
        this.lastLineNanos = launchedNanos;
    }

    /** A protocol line of {@code type} arrived at {@code nowNanos}. */
    synchronized void heard(String type, long nowNanos) {
        if (training) {
            slowestGapNanos = Math.max(slowestGapNanos, nowNanos - lastLineNanos);
        }
        if (WorkerProtocol.PROGRESS.equals(type)) {
            // From the first batch on, gaps measure the work; start-up's heartbeat gaps say nothing.
            training = true;
        }
        heardAny = true;
        lastLineNanos = nowNanos;
    }

    /** How long the worker may stay silent now. */
    synchronized long limitNanos() {
        if (!heardAny) {
            return Math.max(floorNanos, FIRST_LINE_ALLOWANCE.toNanos());
        }
        return Math.max(floorNanos, SLOWEST_GAP_FACTOR * slowestGapNanos);
    }

    synchronized long silenceNanos(long nowNanos) {
        return nowNanos - lastLineNanos;
    }

    synchronized boolean stalled(long nowNanos) {
        return silenceNanos(nowNanos) > limitNanos();
    }
}
