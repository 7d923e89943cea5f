package deepdash.training;

import com.sun.management.OperatingSystemMXBean;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a training batch's time goes, for the benchmark ({@code -Ddeepdash.bench.profile=true}):
 * the Java copy into the batch buffer, making the batch's arrays, forward (with the loss), backward,
 * the reads that bring the loss and the metric back to Java, and the optimizer step. Under
 * MXNet's NaiveEngine every operator runs when it is called, so the clock between two calls is
 * that phase's own time; no extra synchronisation is added. Off (null) in normal runs: the loop
 * then reads no clock per batch.
 *
 * <p>Prints one line per epoch on standard error (the worker's standard output carries the
 * protocol): {@code deepdash-profile {"epoch":1,"batches":1500,"copyMs":...}}, mean milliseconds
 * per batch.
 */
final class BatchProfile {

    /** The system property that turns profiling on. */
    static final String PROPERTY = "deepdash.bench.profile";

    /** The phases, in the order a batch goes through them. */
    enum Phase { COPY, ARRAYS, FORWARD, BACKWARD, READS, STEP }

    private final PrintStream out;
    private final long[] nanos = new long[Phase.values().length];
    private long last;
    private int batches;
    private long epochCpuNanos = processCpuNanos();
    private long epochWallNanos = System.nanoTime();

    private BatchProfile(PrintStream out) {
        this.out = out;
    }

    /** A profile when the property asks for one, else null. */
    static BatchProfile fromSystemProperty() {
        return Boolean.getBoolean(PROPERTY) ? new BatchProfile(System.err) : null;
    }

    /** The batch starts now. */
    void start() {
        last = System.nanoTime();
    }

    /** {@code phase} ended now. */
    void lap(Phase phase) {
        long now = System.nanoTime();
        nanos[phase.ordinal()] += now - last;
        last = now;
    }

    void batchDone() {
        batches++;
    }

    /** Prints the epoch's means and starts counting again. */
    void epochDone(int epoch, int batchSize) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "deepdash-profile {\"epoch\":%d,\"batchSize\":%d,\"batches\":%d", epoch, batchSize, batches));
        double total = 0;
        for (Phase phase : Phase.values()) {
            double ms = batches == 0 ? 0 : nanos[phase.ordinal()] / 1e6 / batches;
            total += ms;
            line.append(String.format(Locale.ROOT, ",\"%sMs\":%.4f", phase.name().toLowerCase(Locale.ROOT), ms));
        }
        // CPU time of the whole process over the training pass: what a busy machine cannot blur.
        long cpu = processCpuNanos();
        long wall = System.nanoTime();
        line.append(String.format(Locale.ROOT, ",\"totalMs\":%.4f,\"cpuS\":%.3f,\"wallS\":%.3f}", total,
                (cpu - epochCpuNanos) / 1e9, (wall - epochWallNanos) / 1e9));
        out.println(line);
        out.flush();
        Arrays.fill(nanos, 0);
        batches = 0;
    }

    /** The epoch's training pass starts now (the validation pass between two is not counted). */
    void epochStart() {
        epochCpuNanos = processCpuNanos();
        epochWallNanos = System.nanoTime();
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }
}
