package deepdash.bench;

import ai.djl.mxnet.engine.MxNDArray;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import deepdash.engine.EngineSettings;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The machine's matmul ceiling as MXNet sees it: the best of five {@code dot}s of two 2048x2048
 * float matrices, in GFLOP/s (2 n^3 floating-point operations each), after one warm-up. The
 * OpenMP threads come from {@code -Ddeepdash.bench.ompThreads=N} (MXNet reads them once, so one
 * count per JVM). A main, not a test: bench/figures/10-ceiling.sh runs it with the jar and the test
 * classes, out of {@code mvn verify}.
 *
 * <p>Prints one line: {@code ceiling threads=N gflops=G gflopsPerCpuSecond=C}.
 */
public final class MatmulCeiling {

    static final int SIZE = 2048;
    static final int REPEATS = 5;

    private MatmulCeiling() {
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : SIZE;
        EngineSettings.applyToThisProcess();
        double flops = 2.0 * size * size * size;
        double bestSeconds = Double.MAX_VALUE;
        double bestCpuSeconds = Double.MAX_VALUE;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.randomUniform(-1, 1, new Shape(size, size));
            NDArray b = manager.randomUniform(-1, 1, new Shape(size, size));
            for (int i = 0; i <= REPEATS; i++) {
                try (NDManager scope = manager.newSubManager()) {
                    long start = System.nanoTime();
                    long cpuStart = processCpuNanos();
                    NDArray c = a.dot(b);
                    c.attach(scope);
                    ((MxNDArray) c).waitToRead();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
                    if (i > 0) {
                        bestSeconds = Math.min(bestSeconds, seconds);
                        bestCpuSeconds = Math.min(bestCpuSeconds, cpuSeconds);
                    }
                }
            }
        }
        // Per CPU-second too: what the cores do when they run, which a busy machine does not blur.
        System.out.printf(Locale.ROOT, "ceiling threads=%s gflops=%.1f gflopsPerCpuSecond=%.1f%n",
                EngineSettings.ompThreads(), flops / bestSeconds / 1e9, flops / bestCpuSeconds / 1e9);
        System.exit(0);
    }
}
