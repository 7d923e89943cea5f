package deepdash.engine;

import java.lang.management.ManagementFactory;

/**
 * How many OpenMP threads a training worker gives MXNet, chosen once when it starts (MXNet reads
 * the count when it loads). Measured on the 2-core development machine (docs/performance.md):
 * with passive waiting a second thread helps the seed CNN at every batch size from 16 up when the
 * cores are free, and costs little when they are not; below that, each operator is too small to
 * split. The load average decides what "free" means: a machine already running more than a core's
 * worth of other work gets one thread, the old setting, which cannot stall on a thread that is not
 * scheduled.
 */
public final class TrainingThreads {

    /** Batches smaller than this train on one thread: their operators are too small to split. */
    static final int MIN_BATCH_FOR_TWO = 16;
    /** More threads than this gain little for networks of the seed's size and take cores from the server. */
    static final int MAX_THREADS = 4;

    private TrainingThreads() {
    }

    /**
     * @param cores the processors this JVM may use
     * @param loadAverage the one-minute load average, negative when unknown
     */
    static int choose(int batchSize, int cores, double loadAverage) {
        if (cores < 2 || batchSize < MIN_BATCH_FOR_TWO) {
            return 1;
        }
        // Cores the other work leaves free (rounded down): at least one, this worker's.
        int free = loadAverage < 0 ? cores : (int) Math.floor(cores - loadAverage + 0.5);
        return Math.max(1, Math.min(Math.min(cores, MAX_THREADS), free));
    }

    static int forThisMachine(int batchSize) {
        return choose(batchSize, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
