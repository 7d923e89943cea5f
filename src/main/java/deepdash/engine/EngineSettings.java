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
 * </ul>
 */
public final class EngineSettings {

    public static final String ENGINE_TYPE = "NaiveEngine";
    static final String OMP_THREADS_PROPERTY = "deepdash.bench.ompThreads";

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
        apply(threads);
        return threads;
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
    }
}
