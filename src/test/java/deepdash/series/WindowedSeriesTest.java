package deepdash.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Windows, the train/validation/test split and the scaler, on a series small enough to check by hand. */
class WindowedSeriesTest {

    static final LocalDate FIRST = LocalDate.of(2021, 12, 27);

    /** Days 0..n-1 from {@link #FIRST}, one calendar day apart (weekends do not matter here). */
    static List<LocalDate> days(int n) {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            days.add(FIRST.plusDays(i));
        }
        return days;
    }

    // Index:                         0   1   2   3   4   5 | 6   7   8   9   (split before index 6)
    static final double[] VALUES = {10, 11, 13, 12, 15, 14, 18, 17, 20, 19};

    static WindowedSeries handMade(double[] values) {
        return new WindowedSeries(days(values.length), values, 2, FIRST.plusDays(6));
    }

    @Test
    void aWindowBelongsToTheTestSetWhenItsTargetDateIsOnOrAfterTheSplit() {
        WindowedSeries series = handMade(VALUES);

        // Targets 2..5 train (4 windows), 6..9 test (4 windows).
        assertThat(series.trainWindows()).isEqualTo(4);
        assertThat(series.testWindows()).isEqualTo(4);
        assertThat(series.firstTestTarget()).isEqualTo(6);
        assertThat(series.targetDates(series.firstTestTarget(), 1)).containsExactly(FIRST.plusDays(6));
        assertThat(series.targets(6, 4)).containsExactly(18, 17, 20, 19);
    }

    @Test
    void validationIsTheLastFifthOfTheTrainingWindowsInTimeOrder() {
        WindowedSeries series = handMade(VALUES);

        assertThat(series.validationWindows()).isEqualTo(1);
        assertThat(series.fitWindows()).isEqualTo(3);
        assertThat(series.firstFitTarget()).isEqualTo(2);
        assertThat(series.firstValidationTarget()).isEqualTo(5);
        assertThat(series.firstValidationTarget() + series.validationWindows()).isEqualTo(series.firstTestTarget());
    }

    @Test
    void eachWindowHoldsTheLastNValuesBeforeItsTarget() {
        WindowedSeries series = handMade(VALUES);
        MinMaxScaler scaler = series.scaler();

        float[] inputs = series.scaledInputs(2, 2);
        assertThat(inputs).hasSize(4);
        assertThat(scaler.inverse(inputs[0])).isCloseTo(10, within(1e-4));
        assertThat(scaler.inverse(inputs[1])).isCloseTo(11, within(1e-4));
        assertThat(scaler.inverse(inputs[2])).isCloseTo(11, within(1e-4));
        assertThat(scaler.inverse(inputs[3])).isCloseTo(13, within(1e-4));
        assertThat(scaler.inverse(series.scaledTargets(2, 1)[0])).isCloseTo(13, within(1e-4));
        float[] last = series.scaledLastWindow();
        assertThat(scaler.inverse(last[0])).isCloseTo(20, within(1e-4));
        assertThat(scaler.inverse(last[1])).isCloseTo(19, within(1e-4));
    }

    @Test
    void theScalerIsFittedOnTheTrainingPartOnly() {
        WindowedSeries series = handMade(VALUES);

        // Training values are 10..15; the test period's 17..20 are not seen.
        assertThat(series.scaler()).isEqualTo(new MinMaxScaler(10, 15));
    }

    @Test
    void aHugeSpikeInTheTestPeriodLeavesTheScalerAlone() {
        double[] spiked = VALUES.clone();
        spiked[8] = 1_000_000;
        WindowedSeries series = handMade(spiked);

        assertThat(series.scaler().max()).isEqualTo(15);
        assertThat(series.scaler().min()).isEqualTo(10);
        // The spike reaches the model scaled far above 1, not squashed into [0, 1].
        float[] testInputs = series.scaledInputs(series.firstTestTarget(), series.testWindows());
        float largest = Float.NEGATIVE_INFINITY;
        for (float v : testInputs) {
            largest = Math.max(largest, v);
        }
        assertThat((double) largest).isCloseTo((1_000_000 - 10) / 5.0, within(1.0));
        // The training inputs and targets are unchanged by it.
        assertThat(series.scaledInputs(2, series.trainWindows())).containsExactly(
                handMade(VALUES).scaledInputs(2, 4));
        for (float target : series.scaledTargets(2, series.trainWindows())) {
            assertThat(target).isBetween(0f, 1f);
        }
    }

    @Test
    void theNaiveForecastIsEachWindowsLastValue() {
        WindowedSeries series = handMade(VALUES);

        assertThat(series.naive(6, 4)).containsExactly(14, 18, 17, 20);
    }

    @Test
    void aSplitBeforeTheFirstWindowLeavesNoTrainingWindows() {
        WindowedSeries series = new WindowedSeries(days(10), VALUES, 3, FIRST.plusDays(2));

        assertThat(series.trainWindows()).isZero();
        assertThat(series.validationWindows()).isZero();
        assertThat(series.testWindows()).isEqualTo(7);
    }

    @Test
    void aSplitAfterTheLastDayLeavesNoTestWindows() {
        WindowedSeries series = new WindowedSeries(days(10), VALUES, 3, FIRST.plusDays(30));

        assertThat(series.trainWindows()).isEqualTo(7);
        assertThat(series.testWindows()).isZero();
    }
}
