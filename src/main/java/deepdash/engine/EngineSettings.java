package deepdash.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Puts MXNet into the mode DeepDash measured as fastest and safest, before the engine loads.
 *
 * <p>MXNet reads its settings from the process environment when its engine starts. A JVM cannot
 * change its own environment through Java, so the server sets them through libc's {@code setenv};
 * worker processes also get them from their launcher. Both happen before DJL loads MXNet.
 *
 * <ul>
 *   <li>{@code MXNET_ENGINE_TYPE=NaiveEngine}: about 3x faster than the threaded engine for the
 *       seed CNN on a 2-core machine (docs/performance.md), and the engine DJL recommends when
 *       Java threads call in.</li>
 *   <li>{@code OMP_NUM_THREADS=1}: as fast as two threads for the seed CNN on an idle 2-core machine,
 *       several times faster when the machine is busy (spinning OpenMP barriers wait for threads
 *       that are not scheduled; the AMZN LSTM run took 3-5 s with one thread and 53-122 s with two
 *       on a loaded machine), and it leaves a core to the server while a worker trains.</li>
 *   <li>{@code ai.djl.offline=true}: DJL must never try to download anything; the native library
 *       comes from the {@code mxnet-native-mkl} jar on the class path.</li>
 *   <li>For a training worker, glibc's allocator keeps the memory MXNet frees and reuses it
 *       ({@link #keepFreedMemory()}): without it the seed CNN trained at half the speed, and its
 *       first epochs at a third.</li>
 * </ul>
 */
public final class EngineSettings {

    public static final String ENGINE_TYPE = "NaiveEngine";
    static final String OMP_THREADS_PROPERTY = "deepdash.bench.ompThreads";
    // glibc's mallopt parameters (malloc.h).
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;

    private static volatile boolean applied;

    private EngineSettings() {
    }

    /**
     * The settings that are JVM properties only: DJL stays offline and logs warnings only. Cheap
     * (no native call), so the server sets them first thing, before any DJL class can log; the
     * environment follows on the MXNet thread ({@link MxnetDispatcher}).
     */
    public static void applyJvmProperties() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "warn");
    }

    /** Applies the settings to this process (the server: one OpenMP thread). Call before anything touches DJL. */
    public static synchronized void applyToThisProcess() {
        apply(ompThreads());
    }

    /**
     * Applies the settings to a training worker, before anything touches DJL: the OpenMP threads
     * {@link TrainingThreads} chooses for this batch size and the machine's load now, waiting
     * passively ({@code OMP_WAIT_POLICY=PASSIVE}: a thread that finishes its share of an operator
     * sleeps instead of spinning, so a second thread costs nothing when the machine is busy).
     * {@code -Ddeepdash.bench.ompThreads=N} overrides the choice. Idempotent, like
     * {@link #applyToThisProcess()}: the first call wins.
     *
     * @return the OpenMP threads chosen
     */
    public static synchronized String applyForTraining(int batchSize) {
        String threads = System.getProperty(OMP_THREADS_PROPERTY);
        if (threads == null) {
            threads = Integer.toString(TrainingThreads.forThisMachine(batchSize));
        }
        if (!applied && !"default".equals(threads) && !"1".equals(threads)
                && !Boolean.getBoolean("deepdash.bench.activeWait")) {
            setenv("OMP_WAIT_POLICY", "PASSIVE");
        }
        if (!applied && !Boolean.getBoolean("deepdash.bench.defaultMalloc")) {
            keepFreedMemory();
        }
        apply(threads);
        return threads;
    }

    /**
     * MXNet's CPU storage asks malloc for every array and frees it when the batch ends: hundreds of
     * blocks of 0.1-10 MB per batch. glibc serves blocks above its mmap threshold (128 kB, raised
     * only as such blocks are freed) with fresh {@code mmap}s, and gives the top of its heaps back
     * to the system above 128 kB free, so a batch spent much of its time in page faults on memory
     * it had just released, less so as the thresholds crept up over the first epochs. Measured on
     * the seed CNN, batch 128, 2 threads (docs/performance.md): 2,500-3,000 samples/s in the first
     * epoch and 5,100-5,800 by the third without this; 4,600 and 6,500-6,800 with it. The cost is
     * memory: a worker's freed native memory stays in the process (up to its peak) until it exits.
     * Set before MXNet loads; {@code mallopt} applies to every arena from then on.
     */
    static void keepFreedMemory() {
        try {
            // Blocks up to 32 MB (glibc's largest allowed threshold) come from the heaps, not mmap.
            LibC.INSTANCE.mallopt(M_MMAP_THRESHOLD, 32 << 20);
            // Keep up to 1 GB free at the top of a heap rather than returning it...
            LibC.INSTANCE.mallopt(M_TRIM_THRESHOLD, 1 << 30);
            // ...and grow heaps 256 MB at a time (address space; pages count only once touched).
            LibC.INSTANCE.mallopt(M_TOP_PAD, 256 << 20);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            // Not glibc (musl, macOS): training runs with the allocator's own behaviour.
            System.err.println("deepdash: could not tune malloc (" + e.getMessage() + ")");
        }
    }

    private static void apply(String threads) {
        if (applied) {
            return;
        }
        applyJvmProperties();
        setenv("MXNET_ENGINE_TYPE", engineType());
        if (!"default".equals(threads)) {
            setenv("OMP_NUM_THREADS", threads);
            setenv("MKL_NUM_THREADS", threads);
        }
        // MXNet tries to set up a profiler / subgraph backend on first use; keep start-up quiet.
        setenv("MXNET_SUBGRAPH_VERBOSE", "0");
        applied = true;
    }

    /**
     * NaiveEngine, unless a benchmark asks for another with {@code -Ddeepdash.bench.mxnetEngine=...}
     * (bench/engine-settings.sh compares them). Users never need it.
     */
    public static String engineType() {
        return System.getProperty("deepdash.bench.mxnetEngine", ENGINE_TYPE);
    }

    /**
     * One OpenMP thread, unless a benchmark asks for another count with
     * {@code -Ddeepdash.bench.ompThreads=N} ({@code default} leaves OpenMP's own choice).
     */
    public static String ompThreads() {
        return System.getProperty(OMP_THREADS_PROPERTY, "1");
    }

    private static void setenv(String name, String value) {
        try {
            LibC.INSTANCE.setenv(name, value, 1);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            // Not fatal: MXNet then runs with its defaults, only slower.
            System.err.println("deepdash: could not set " + name + " (" + e.getMessage() + ")");
        }
    }

    /** The minimal slice of libc needed here. */
    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int setenv(String name, String value, int overwrite);

        int mallopt(int param, int value);
    }
}
