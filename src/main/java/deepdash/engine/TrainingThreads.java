package deepdash.engine;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * How many OpenMP threads a training worker gives MXNet, chosen once when it starts (MXNet reads
 * the count when it loads). Measured on the 2-core development machine (docs/performance.md):
 * with passive waiting a second thread makes the seed CNN 1.5 to 1.7 times faster at batch 32 and
 * 128 when the cores are free, and half as fast when other work keeps both cores busy; below batch
 * 16 each operator is too small to split. What "free" means is measured when the worker starts:
 * the CPU time other processes used over a quarter of a second ({@link CpuLoad}); where that cannot
 * be read, the one-minute load average. A machine already running more than half a core's worth of
 * other work per spare core gets one thread, which cannot stall on a thread that is not scheduled.
 */
public final class TrainingThreads {

    /** Batches smaller than this train on one thread: their operators are too small to split. */
    static final int MIN_BATCH_FOR_TWO = 16;
    /** More threads than this gain little for networks of the seed's size and take cores from the server. */
    static final int MAX_THREADS = 4;
    /** How long the worker watches the machine before it chooses: long enough for 25 clock ticks per CPU. */
    static final Duration SAMPLE = Duration.ofMillis(250);

    private TrainingThreads() {
    }

    /**
     * @param cores the processors this JVM may use
     * @param othersBusy the CPUs' worth of work other processes are doing, negative when unknown
     */
    static int choose(int batchSize, int cores, double othersBusy) {
        if (cores < 2 || batchSize < MIN_BATCH_FOR_TWO) {
            return 1;
        }
        // Cores the other work leaves free (rounded down): at least one, this worker's.
        int free = othersBusy < 0 ? cores : (int) Math.floor(cores - othersBusy + 0.5);
        return Math.max(1, Math.min(Math.min(cores, MAX_THREADS), free));
    }

    static int forThisMachine(int batchSize) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores < 2 || batchSize < MIN_BATCH_FOR_TWO) {
            return 1;
        }
        double othersBusy = CpuLoad.othersBusyCores(SAMPLE).orElseGet(
                () -> ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return choose(batchSize, cores, othersBusy);
    }
}
