package deepdash.coach;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.protocol.EpochMetrics;
import deepdash.protocol.TestResult;
import deepdash.series.Forecast;
import deepdash.series.ForecastErrors;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule of docs/coach.md on synthetic curves: one that must trigger it, one that must not. */
class CurveCoachTest {

    /** A classifier's epochs from loss and val_loss curves; accuracies follow the losses loosely. */
    static List<EpochMetrics> curves(double[] loss, double[] valLoss) {
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int i = 0; i < loss.length; i++) {
            epochs.add(EpochMetrics.classifier(i + 1, loss[i], 1 - loss[i] / 3, valLoss[i], 1 - valLoss[i] / 3,
                    10, 1000, 10 * (i + 1)));
        }
        return epochs;
    }

    static List<Note> notes(List<EpochMetrics> epochs) {
        return CurveCoach.notes(new CoachInput(epochs, null, null));
    }

    static List<String> kinds(List<Note> notes) {
        return notes.stream().map(Note::kind).toList();
    }

    /** The seed's curves, roughly: val_loss lowest at epoch 6, then up for four epochs while loss falls. */
    static final double[] SEED_LOSS = {0.200, 0.060, 0.042, 0.032, 0.025, 0.020, 0.016, 0.013, 0.011, 0.009};
    static final double[] SEED_VAL = {0.070, 0.052, 0.045, 0.041, 0.039, 0.037, 0.040, 0.043, 0.046, 0.050};

    @Nested
    class BestEpochAndOverfitting {

        @Test
        void theSeedsCurvesGiveTheBestEpochAndOverfittingAfterIt() {
            List<Note> notes = notes(curves(SEED_LOSS, SEED_VAL));
            Note best = notes.stream().filter(n -> n.kind().equals(CurveCoach.BEST_EPOCH)).findFirst().orElseThrow();
            assertThat(best.epoch()).isEqualTo(6);
            assertThat(best.text()).contains("0.0370", "epoch 6 of 10");
            Note overfitting = notes.stream().filter(n -> n.kind().equals(CurveCoach.OVERFITTING)).findFirst()
                    .orElseThrow();
            assertThat(overfitting.epoch()).isEqualTo(7);
            assertThat(overfitting.text()).contains("rose for 4 epochs after epoch 6", "0.0370 to 0.0500",
                    "loss fell (0.0200 to 0.0090)", "dropout or early stopping");
        }

        @Test
        void aValidationLossStillFallingIsNotOverfitting() {
            double[] val = {0.070, 0.052, 0.045, 0.041, 0.039, 0.037, 0.036, 0.035, 0.034, 0.033};
            List<Note> notes = notes(curves(SEED_LOSS, val));
            assertThat(kinds(notes)).contains(CurveCoach.BEST_EPOCH).doesNotContain(CurveCoach.OVERFITTING);
            assertThat(notes.get(kinds(notes).indexOf(CurveCoach.BEST_EPOCH)).text()).contains("still falling");
        }

        @Test
        void aRiseOfOneEpochOrOfBothCurvesIsNotOverfitting() {
            double[] val = {0.070, 0.052, 0.045, 0.041, 0.039, 0.037, 0.036, 0.035, 0.034, 0.050};
            assertThat(kinds(notes(curves(SEED_LOSS, val)))).doesNotContain(CurveCoach.OVERFITTING);
            // Both rising after the best epoch: not the overfitting signature (the training loss did not fall).
            double[] loss = {0.200, 0.060, 0.042, 0.032, 0.025, 0.020, 0.022, 0.024, 0.026, 0.028};
            assertThat(kinds(notes(curves(loss, SEED_VAL)))).doesNotContain(CurveCoach.OVERFITTING);
        }

        @Test
        void theBestEpochSaysWhenEarlyStoppingRestoredIt() {
            TestResult restored = new TestResult(0.04, 0.985, null, 10_000, 1).withBestEpoch(6, true);
            List<Note> notes = CurveCoach.notes(new CoachInput(curves(SEED_LOSS, SEED_VAL), restored, null));
            assertThat(notes.get(kinds(notes).indexOf(CurveCoach.BEST_EPOCH)).text())
                    .contains("early stopping restored this epoch's weights");
        }

        @Test
        void oneEpochHasNoBestEpoch() {
            assertThat(notes(curves(new double[] {0.2}, new double[] {0.1}))).isEmpty();
        }
    }

    @Nested
    class ValidationBetter {

        @Test
        void validationLossWellBelowTrainingLossIsNoted() {
            double[] loss = {0.50, 0.30, 0.25, 0.22, 0.20};
            double[] val = {0.20, 0.15, 0.13, 0.12, 0.11};
            List<Note> notes = notes(curves(loss, val));
            assertThat(kinds(notes)).contains(CurveCoach.VALIDATION_BETTER);
            assertThat(notes.get(kinds(notes).indexOf(CurveCoach.VALIDATION_BETTER)).text())
                    .contains("4 of the 4 epochs after the first", "dropout");
        }

        @Test
        void halfTheEpochsOrOneEpochIsNotEnough() {
            double[] loss = {0.50, 0.30, 0.25, 0.22, 0.20};
            double[] val = {0.20, 0.15, 0.13, 0.30, 0.30};
            assertThat(kinds(notes(curves(loss, val)))).as("2 of 4").doesNotContain(CurveCoach.VALIDATION_BETTER);
            assertThat(kinds(notes(curves(new double[] {0.5, 0.3, 0.28}, new double[] {0.4, 0.2, 0.35}))))
                    .as("1 of 2").doesNotContain(CurveCoach.VALIDATION_BETTER);
        }

        @Test
        void onlyTheFirstEpochBelowDoesNotCount() {
            // The first epoch's training loss averages a model that was still learning: ignored.
            assertThat(kinds(notes(curves(SEED_LOSS, SEED_VAL)))).doesNotContain(CurveCoach.VALIDATION_BETTER);
        }
    }

    @Nested
    class LearningRate {

        @Test
        void aNanLossSaysTheLearningRateIsTooHigh() {
            double[] loss = {2.3, 5.0, Double.NaN, Double.NaN};
            double[] val = {2.3, 9.0, Double.NaN, Double.NaN};
            List<Note> notes = notes(curves(loss, val));
            assertThat(kinds(notes)).startsWith(CurveCoach.LR_TOO_HIGH).containsOnlyOnce(CurveCoach.LR_TOO_HIGH)
                    .doesNotContain(CurveCoach.OVERFITTING, CurveCoach.PLATEAU);
            assertThat(notes.get(0).epoch()).isEqualTo(3);
            assertThat(notes.get(0).text()).contains("NaN at epoch 3");
        }

        @Test
        void aLossRisingEarlySaysTheLearningRateIsTooHigh() {
            double[] loss = {2.30, 2.40, 2.60, 2.50};
            double[] val = {2.30, 2.45, 2.55, 2.50};
            assertThat(kinds(notes(curves(loss, val)))).contains(CurveCoach.LR_TOO_HIGH)
                    .doesNotContain(CurveCoach.PLATEAU);
        }

        @Test
        void aFlatLossIsAPlateau() {
            double[] loss = {2.3026, 2.3020, 2.3015, 2.3012};
            double[] val = {2.3025, 2.3021, 2.3016, 2.3013};
            List<Note> notes = notes(curves(loss, val));
            assertThat(kinds(notes)).contains(CurveCoach.PLATEAU).doesNotContain(CurveCoach.LR_TOO_HIGH);
            assertThat(notes.get(kinds(notes).indexOf(CurveCoach.PLATEAU)).text()).contains("2.3026 to 2.3015");
        }

        @Test
        void aHealthyLossIsNeitherTooHighNorFlat() {
            assertThat(kinds(notes(curves(SEED_LOSS, SEED_VAL))))
                    .doesNotContain(CurveCoach.LR_TOO_HIGH, CurveCoach.PLATEAU);
        }
    }

    @Nested
    class TestBelowValidation {

        @Test
        void theSeedsGapIsNoted() {
            List<EpochMetrics> epochs = new ArrayList<>();
            double[] valAccuracy = {0.9700, 0.9790, 0.9858, 0.9840};
            for (int i = 0; i < valAccuracy.length; i++) {
                epochs.add(EpochMetrics.classifier(i + 1, 0.1 / (i + 1), 0.97, 0.05, valAccuracy[i], 1, 1, i + 1));
            }
            List<Note> notes = CurveCoach.notes(new CoachInput(epochs, new TestResult(0.06, 0.9804, null, 10_000, 1),
                    null));
            Note note = notes.get(kinds(notes).indexOf(CurveCoach.TEST_BELOW_VALIDATION));
            assertThat(note.epoch()).isEqualTo(3);
            assertThat(note.text()).contains("0.9804", "0.9858");
        }

        @Test
        void aTestScoreAsGoodAsValidationIsNot() {
            List<EpochMetrics> epochs = curves(SEED_LOSS, SEED_VAL);
            double bestVal = epochs.stream().mapToDouble(EpochMetrics::valAccuracy).max().orElseThrow();
            assertThat(kinds(CurveCoach.notes(new CoachInput(epochs,
                    new TestResult(0.04, bestVal - 0.001, null, 10_000, 1), null))))
                    .doesNotContain(CurveCoach.TEST_BELOW_VALIDATION);
            assertThat(kinds(notes(epochs))).as("no test yet").doesNotContain(CurveCoach.TEST_BELOW_VALIDATION);
        }
    }

    @Nested
    class NaiveLike {

        static Forecast forecast(double[] actual, double[] predicted) {
            int n = actual.length;
            double[] naive = new double[n];
            naive[0] = actual[0];
            System.arraycopy(actual, 0, naive, 1, n - 1);
            ForecastErrors model = errors(actual, predicted);
            ForecastErrors base = errors(actual, naive);
            List<LocalDate> dates = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                dates.add(LocalDate.of(2024, 1, 1).plusDays(i));
            }
            return new Forecast(dates, actual, predicted, naive, model, base, model.mae() / base.mae(),
                    new Forecast.NextDay(LocalDate.of(2025, 1, 1), predicted[n - 1]), "Close", 10,
                    LocalDate.of(2024, 1, 1), 100, 20, n, null, null, null, null);
        }

        static ForecastErrors errors(double[] actual, double[] predicted) {
            double abs = 0;
            for (int i = 0; i < actual.length; i++) {
                abs += Math.abs(actual[i] - predicted[i]);
            }
            return new ForecastErrors(abs / actual.length, 0, 0, 0);
        }

        /** A random walk of 200 days. */
        static double[] prices() {
            double[] prices = new double[200];
            java.util.Random random = new java.util.Random(7);
            prices[0] = 100;
            for (int i = 1; i < prices.length; i++) {
                prices[i] = prices[i - 1] + random.nextGaussian();
            }
            return prices;
        }

        @Test
        void aForecastThatRepeatsYesterdaysPriceIsNoted() {
            double[] actual = prices();
            double[] predicted = new double[actual.length];
            predicted[0] = actual[0];
            for (int i = 1; i < actual.length; i++) {
                predicted[i] = actual[i - 1] + 0.3; // yesterday's price, a little off
            }
            List<Note> notes = CurveCoach.notes(new CoachInput(List.of(), null, forecast(actual, predicted)));
            assertThat(kinds(notes)).containsExactly(CurveCoach.NAIVE_LIKE);
            assertThat(notes.get(0).epoch()).isNull();
            assertThat(notes.get(0).text()).contains("tomorrow = today");
        }

        @Test
        void aForecastThatBeatsTheNaiveOneIsNot() {
            double[] actual = prices();
            double[] predicted = new double[actual.length];
            for (int i = 0; i < actual.length; i++) {
                predicted[i] = actual[i] + 0.1; // far better than yesterday's price
            }
            assertThat(CurveCoach.notes(new CoachInput(List.of(), null, forecast(actual, predicted)))).isEmpty();
        }
    }

    @Test
    void correlationOfAConstantIsNotANumber() {
        assertThat(CurveCoach.correlation(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
        assertThat(CurveCoach.correlation(new double[] {1, 2, 3}, new double[] {2, 4, 6})).isEqualTo(1.0);
    }
}
