package deepdash.runs;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.support.KillTrials;
import deepdash.support.KillTrials.Moment;
import deepdash.support.KillTrials.Trial;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of the server or of a worker, with the server in its own JVM and real training runs: a
 * few trials here, 20 of each in {@code KillTrialsBenchmark}. See {@link KillTrials} for what is
 * checked. The random moments are seeded; the seed is printed so a failure can be replayed with
 * {@code -Dtrials.seed=}.
 */
@Tag("slow")
@Timeout(900)
class CrashRecoveryTest {

    @TempDir
    Path dataDir;

    static long seed() {
        long seed = Long.getLong("trials.seed", System.nanoTime());
        System.out.println("kill trials seed: " + seed);
        return seed;
    }

    static void report(List<Trial> trials, List<String> afterRestart) {
        trials.forEach(t -> System.out.println(t.row()));
        System.out.println(KillTrials.summary(trials));
        assertThat(trials).allSatisfy(t -> assertThat(t.problems()).as(t.row()).isEmpty());
        assertThat(afterRestart).isEmpty();
    }

    @Test
    void aServerKilledMidRunLeavesAWorkerThatStopsItselfAndARunThatRecovers() throws Exception {
        List<Trial> trials = new ArrayList<>();
        try (KillTrials kills = new KillTrials(dataDir, seed(), 1_500)) {
            trials.add(kills.killServer(1, Moment.RANDOM));
            trials.add(kills.killServer(2, Moment.DURING_SAVE));
            report(trials, kills.restartAndRecheck(trials));
        }
    }

    @Test
    void aWorkerKilledMidRunFailsItsRunAndKeepsEveryCompletedEpochAndAModelThatLoads() throws Exception {
        List<Trial> trials = new ArrayList<>();
        try (KillTrials kills = new KillTrials(dataDir, seed(), 1_500)) {
            trials.add(kills.killWorker(1, Moment.RANDOM));
            trials.add(kills.killWorker(2, Moment.DURING_SAVE));
            report(trials, kills.restartAndRecheck(trials));
        }
    }
}
