package deepdash.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuLoadTest {

    private static final String SELF_BEFORE = "4242 (java worker) S 1 4242 4242 0 -1 4194560 100 0 0 0 "
            + "300 50 0 0 20 0 12 0 6882386 3133440 376";
    private static final String SELF_AFTER = "4242 (java worker) S 1 4242 4242 0 -1 4194560 100 0 0 0 "
            + "320 55 0 0 20 0 12 0 6882386 3133440 376";

    @Test
    void readsTheTicksOfEveryCpuAndOfThisProcess() {
        CpuLoad.Ticks ticks = CpuLoad.parse(List.of(
                "cpu  1000 10 200 5000 40 0 5 0 0 0",
                "cpu0 500 5 100 2500 20 0 3 0 0 0",
                "cpu1 500 5 100 2500 20 0 2 0 0 0",
                "intr 12345"), SELF_BEFORE);

        assertThat(ticks.cpus()).isEqualTo(2);
        assertThat(ticks.total()).isEqualTo(1000 + 10 + 200 + 5000 + 40 + 0 + 5 + 0);
        assertThat(ticks.busy()).as("all but idle and iowait").isEqualTo(1000 + 10 + 200 + 5);
        assertThat(ticks.self()).as("utime + stime, with a space in the command name").isEqualTo(350);
    }

    @Test
    void othersAreTheBusyTicksLessThisProcesssOwn() {
        // 2 CPUs, 50 ticks each over the window: 100 in all. 70 busy, 25 of them this process's.
        CpuLoad.Ticks before = CpuLoad.parse(List.of("cpu  1000 0 0 5000 0 0 0 0", "cpu0 x", "cpu1 x"),
                SELF_BEFORE);
        CpuLoad.Ticks after = CpuLoad.parse(List.of("cpu  1070 0 0 5030 0 0 0 0", "cpu0 x", "cpu1 x"),
                SELF_AFTER);

        assertThat(CpuLoad.othersBusyCores(before, after)).isCloseTo(0.9, within(1e-9));
        assertThat(TrainingThreads.choose(32, 2, CpuLoad.othersBusyCores(before, after))).isEqualTo(1);
        assertThat(CpuLoad.othersBusyCores(before, before)).as("no time passed").isZero();
    }

    @Test
    void onLinuxAQuarterSecondsSampleIsBetweenNoneAndEveryCpu() throws Exception {
        if (!Files.isReadable(Path.of("/proc/stat"))) {
            assertThat(CpuLoad.othersBusyCores(Duration.ofMillis(10))).isEmpty();
            return;
        }
        CpuLoad.Ticks now = CpuLoad.read();
        assertThat(now.cpus()).isPositive();
        assertThat(CpuLoad.othersBusyCores(Duration.ofMillis(250)).orElseThrow())
                .isBetween(0.0, (double) now.cpus() + 0.5);
    }
}
