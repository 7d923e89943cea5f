package deepdash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.support.KillTrials;
import deepdash.support.KillTrials.Moment;
import deepdash.support.KillTrials.Target;
import deepdash.support.KillTrials.Trial;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * At least 20 SIGKILLs of the server and 20 of the worker, at random moments over the whole run
 * (every third one the moment a model save is seen in progress), each checked as in
 * {@code CrashRecoveryTest}; then one more restart and every run checked again. Prints one line
 * per trial and a summary. Run with
 * {@code mvn -B -o test -Dgroups=bench -DexcludedGroups= -Dtest=KillTrialsBenchmark}
 * ({@code -Dtrials=N} for another count, {@code -Dtrials.seed=S} to replay).
 */
@Tag("bench")
@Timeout(3_600)
class KillTrialsBenchmark {

    @TempDir
    Path dataDir;

    @Test
    void killTheServerAndTheWorkerAtRandomMoments() throws Exception {
        int perTarget = Math.max(20, Integer.getInteger("trials", 20));
        long seed = Long.getLong("trials.seed", System.nanoTime());
        System.out.println("kill trials: " + perTarget + " per target, seed " + seed);
        List<Trial> trials = new ArrayList<>();
        List<String> afterRestart;
        long start = System.nanoTime();
        try (KillTrials kills = new KillTrials(dataDir, seed, 1_500)) {
            for (int i = 1; i <= 2 * perTarget; i++) {
                Target target = i % 2 == 1 ? Target.SERVER : Target.WORKER;
                Moment moment = (i + 1) / 2 % 3 == 0 ? Moment.DURING_SAVE : Moment.RANDOM;
                Trial trial = target == Target.SERVER ? kills.killServer(i, moment) : kills.killWorker(i, moment);
                System.out.println(trial.row());
                trials.add(trial);
            }
            afterRestart = kills.restartAndRecheck(trials);
        }
        System.out.printf("%nserver kills: %s%nworker kills: %s%nall: %s%nafter one more restart: %s%n"
                        + "took %.0f s%n",
                KillTrials.summary(trials.stream().filter(t -> t.target() == Target.SERVER).toList()),
                KillTrials.summary(trials.stream().filter(t -> t.target() == Target.WORKER).toList()),
                KillTrials.summary(trials), afterRestart.isEmpty() ? "every run as before, every model loads"
                        : afterRestart, (System.nanoTime() - start) / 1e9);
        assertThat(trials).allSatisfy(t -> assertThat(t.problems()).as(t.row()).isEmpty());
        assertThat(afterRestart).isEmpty();
    }
}
