package deepdash.runs;

import deepdash.protocol.WorkerProtocol;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The stall rule: silence longer than max(floor, 20 x the slowest gap since training began). */
class WorkerLivenessTest {

    static final long MS = 1_000_000L;

    @Test
    void aJvmBootingGetsThirtySecondsForItsFirstLineWhateverTheFloor() {
        WorkerLiveness liveness = new WorkerLiveness(Duration.ofSeconds(2), 0);
        assertThat(liveness.stalled(30_000 * MS)).isFalse();
        assertThat(liveness.stalled(30_001 * MS)).as("silent since launch").isTrue();

        WorkerLiveness slowFloor = new WorkerLiveness(Duration.ofSeconds(120), 0);
        assertThat(slowFloor.stalled(120_000 * MS)).isFalse();
        assertThat(slowFloor.stalled(120_001 * MS)).isTrue();
    }

    @Test
    void beforeTrainingTheFloorAloneCountsAndStartUpGapsDoNotRaiseIt() {
        WorkerLiveness liveness = new WorkerLiveness(Duration.ofSeconds(2), 0);
        // Heartbeats 1.9 s apart during start-up: each resets the silence, none is a "batch".
        liveness.heard(WorkerProtocol.ALIVE, 1_900 * MS);
        liveness.heard(WorkerProtocol.ALIVE, 3_800 * MS);
        liveness.heard(WorkerProtocol.STARTED, 5_700 * MS);
        assertThat(liveness.limitNanos()).isEqualTo(2_000 * MS);
        assertThat(liveness.stalled(7_700 * MS)).isFalse();
        assertThat(liveness.stalled(7_701 * MS)).isTrue();
    }

    @Test
    void onceTrainingBeganTheLimitIsTwentyTimesTheSlowestGapButNeverBelowTheFloor() {
        WorkerLiveness liveness = new WorkerLiveness(Duration.ofSeconds(2), 0);
        liveness.heard(WorkerProtocol.ALIVE, 500 * MS);
        // The first progress line ends start-up; the 1.5 s before it is not a batch.
        liveness.heard(WorkerProtocol.PROGRESS, 2_000 * MS);
        assertThat(liveness.limitNanos()).isEqualTo(2_000 * MS);
        // Fast batches: 20 x 0.05 s = 1 s is below the floor.
        liveness.heard(WorkerProtocol.PROGRESS, 2_050 * MS);
        assertThat(liveness.limitNanos()).isEqualTo(2_000 * MS);
        // One slow gap (a validation pass and a save) raises the limit for good: 20 x 0.3 s.
        liveness.heard(WorkerProtocol.EPOCH, 2_350 * MS);
        assertThat(liveness.limitNanos()).isEqualTo(6_000 * MS);
        liveness.heard(WorkerProtocol.PROGRESS, 2_400 * MS);
        assertThat(liveness.limitNanos()).isEqualTo(6_000 * MS);
        assertThat(liveness.silenceNanos(5_400 * MS)).isEqualTo(3_000 * MS);
        assertThat(liveness.stalled(8_400 * MS)).isFalse();
        assertThat(liveness.stalled(8_401 * MS)).isTrue();
    }

    @Test
    void aSilenceInProgressDoesNotRaiseItsOwnLimit() {
        WorkerLiveness liveness = new WorkerLiveness(Duration.ofSeconds(1), 0);
        liveness.heard(WorkerProtocol.PROGRESS, 0);
        liveness.heard(WorkerProtocol.PROGRESS, 100 * MS);
        // Only gaps between lines that arrived count; checking does not change the rule.
        assertThat(liveness.stalled(900 * MS)).isFalse();
        assertThat(liveness.stalled(2_101 * MS)).isTrue();
        assertThat(liveness.limitNanos()).isEqualTo(2_000 * MS);
    }

    @Test
    void aSlowWorkerGetsMoreThanTheFloor() {
        // Batches of 10 s (a big model on a slow CPU): 200 s of silence is allowed, not 120 s.
        WorkerLiveness liveness = new WorkerLiveness(Duration.ofSeconds(120), 0);
        liveness.heard(WorkerProtocol.PROGRESS, 30_000 * MS);
        liveness.heard(WorkerProtocol.PROGRESS, 40_000 * MS);
        assertThat(liveness.limitNanos()).isEqualTo(200_000 * MS);
        assertThat(liveness.stalled(239_000 * MS)).isFalse();
        assertThat(liveness.stalled(240_001 * MS)).isTrue();
    }
}
