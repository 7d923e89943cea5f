package deepdash.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The schedules' arithmetic, batch by batch: what the optimizer and the preview plot both read. */
class LearningRateScheduleTest {

    static final int BATCHES = 100;
    static final int EPOCHS = 10;
    static final double RATE = 0.001;

    @Test
    void constantNeverMoves() {
        LearningRateSchedule s = LearningRateSchedule.constant(RATE);
        for (long b = 0; b < BATCHES * EPOCHS; b += 37) {
            assertThat(s.rateAt(b, BATCHES, EPOCHS)).isEqualTo(RATE);
        }
    }

    @Test
    void stepHalvesAtEpochBoundaries() {
        LearningRateSchedule s = new LearningRateSchedule(LearningRateSchedule.STEP, RATE, 3);
        assertThat(s.rateAt(0, BATCHES, EPOCHS)).isEqualTo(RATE);
        assertThat(s.rateAt(3 * BATCHES - 1, BATCHES, EPOCHS)).as("last batch of epoch 3").isEqualTo(RATE);
        assertThat(s.rateAt(3 * BATCHES, BATCHES, EPOCHS)).as("first of epoch 4").isEqualTo(RATE / 2);
        assertThat(s.rateAt(9 * BATCHES, BATCHES, EPOCHS)).as("epoch 10").isEqualTo(RATE / 8);
        assertThat(s.describe()).isEqualTo("step ×0.5 every 3 epochs");
    }

    @Test
    void cosineFallsFromTheRateToAHundredthOfIt() {
        LearningRateSchedule s = new LearningRateSchedule(LearningRateSchedule.COSINE, RATE, 3);
        assertThat(s.rateAt(0, BATCHES, EPOCHS)).isEqualTo(RATE);
        assertThat(s.rateAt(BATCHES * EPOCHS / 2, BATCHES, EPOCHS)).isCloseTo((RATE + RATE / 100) / 2,
                within(1e-12));
        assertThat(s.rateAt(BATCHES * EPOCHS, BATCHES, EPOCHS)).isCloseTo(RATE / 100, within(1e-12));
        double previous = Double.MAX_VALUE;
        for (long b = 0; b <= BATCHES * EPOCHS; b++) {
            double rate = s.rateAt(b, BATCHES, EPOCHS);
            assertThat(rate).isLessThanOrEqualTo(previous);
            previous = rate;
        }
    }

    @Test
    void oneCycleClimbsToThePeakThenFalls() {
        LearningRateSchedule s = new LearningRateSchedule(LearningRateSchedule.ONE_CYCLE, RATE, 3);
        assertThat(s.rateAt(0, BATCHES, EPOCHS)).isCloseTo(RATE / 25, within(1e-12));
        assertThat(s.rateAt(300, BATCHES, EPOCHS)).as("30%: the peak").isCloseTo(RATE, within(1e-12));
        assertThat(s.rateAt(150, BATCHES, EPOCHS)).isBetween(RATE / 25, RATE);
        assertThat(s.rateAt(1000, BATCHES, EPOCHS)).isCloseTo(RATE * 1e-4, within(1e-12));
        assertThat(s.rateAt(650, BATCHES, EPOCHS)).isLessThan(RATE).isGreaterThan(RATE * 1e-4);
    }
}
