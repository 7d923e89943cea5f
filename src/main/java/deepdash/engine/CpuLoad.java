package deepdash.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How busy the machine is right now with work other than this process, read from Linux's
 * {@code /proc/stat} and {@code /proc/self/stat} twice, a short window apart. The one-minute load
 * average says what the last minute was: after one training run ends it stays above one for a
 * minute or more, and a run started then would take one thread on a machine that is idle.
 */
final class CpuLoad {

    private static final Path SYSTEM = Path.of("/proc/stat");
    private static final Path SELF = Path.of("/proc/self/stat");

    private CpuLoad() {
    }

    /**
     * The CPUs' worth of work other processes did during {@code window} (2.0: two cores' worth),
     * or empty where {@code /proc} cannot be read (not Linux).
     */
    static OptionalDouble othersBusyCores(Duration window) {
        try {
            Ticks before = read();
            Thread.sleep(window.toMillis());
            Ticks after = read();
            return OptionalDouble.of(othersBusyCores(before, after));
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
    }

    static double othersBusyCores(Ticks before, Ticks after) {
        long total = after.total - before.total;
        if (total <= 0 || after.cpus <= 0) {
            return 0;
        }
        long others = Math.max(0, (after.busy - before.busy) - (after.self - before.self));
        // Ticks of every CPU together: one CPU's worth over the window is total / cpus of them.
        return (double) others * after.cpus / total;
    }

    /** Clock ticks since boot: all CPUs' total and busy time, this process's time, the CPU count. */
    record Ticks(long total, long busy, long self, int cpus) {
    }

    static Ticks read() throws IOException {
        return parse(Files.readAllLines(SYSTEM), Files.readString(SELF));
    }

    /**
     * @param stat the lines of {@code /proc/stat}: "cpu user nice system idle iowait irq softirq steal ..."
     * @param self {@code /proc/self/stat}: utime and stime are the 14th and 15th fields
     */
    static Ticks parse(List<String> stat, String self) {
        long total = 0;
        long idle = 0;
        int cpus = 0;
        for (String line : stat) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                // user nice system idle iowait irq softirq steal; guest time is already in user.
                for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
                    total += Long.parseLong(f[i]);
                }
                idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
            } else if (line.startsWith("cpu")) {
                cpus++;
            }
        }
        // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
        String[] rest = self.substring(self.lastIndexOf(')') + 2).trim().split("\\s+");
        long selfTicks = Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
        return new Ticks(total, total - idle, selfTicks, cpus);
    }
}
