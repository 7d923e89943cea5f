package deepdash.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrainingThreadsTest {

    @Test
    void aQuietTwoCoreMachineGivesTwoThreadsFromBatch16() {
        assertThat(TrainingThreads.choose(32, 2, 0.1)).isEqualTo(2);
        assertThat(TrainingThreads.choose(128, 2, 0.4)).isEqualTo(2);
        assertThat(TrainingThreads.choose(8, 2, 0.1)).isEqualTo(1);
    }

    @Test
    void aBusyMachineGivesOneThread() {
        assertThat(TrainingThreads.choose(128, 2, 1.6)).isEqualTo(1);
        assertThat(TrainingThreads.choose(128, 2, 20)).isEqualTo(1);
        assertThat(TrainingThreads.choose(128, 8, 5.2)).isEqualTo(3);
    }

    @Test
    void neverMoreThanTheCoresOrTheCap() {
        assertThat(TrainingThreads.choose(128, 1, 0)).isEqualTo(1);
        assertThat(TrainingThreads.choose(128, 64, 0)).isEqualTo(TrainingThreads.MAX_THREADS);
        assertThat(TrainingThreads.choose(128, 2, -1)).as("load unknown").isEqualTo(2);
        assertThat(TrainingThreads.choose(128, 2, 0.6)).as("more than half a core busy").isEqualTo(1);
    }
}
