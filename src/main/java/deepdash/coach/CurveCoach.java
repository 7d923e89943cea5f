package deepdash.coach;

import deepdash.i18n.Messages;
import deepdash.i18n.Text;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.TestResult;
import deepdash.series.Forecast;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a run's curves the way the seed reads its plots, with small fixed rules: where val_loss was
 * lowest, whether it rose afterwards while the training loss kept falling, whether validation beat
 * training, whether the loss blew up or never moved, whether the test score fell short of the best
 * validation score, and whether a forecast mostly repeats yesterday's price. The rules and their
 * thresholds are written down in {@code docs/coach.md}; each one is a method here.
 *
 * <p>Pure: the same curves always give the same notes, so every rule is tested on synthetic curves.
 */
public final class CurveCoach {

    public static final String BEST_EPOCH = "best_epoch";
    public static final String OVERFITTING = "overfitting";
    public static final String VALIDATION_BETTER = "validation_better";
    public static final String LR_TOO_HIGH = "lr_too_high";
    public static final String PLATEAU = "plateau";
    public static final String TEST_BELOW_VALIDATION = "test_below_validation";
    public static final String NAIVE_LIKE = "naive_like";

    /** Overfitting: at least this many epochs after the best one... */
    static final int OVERFIT_MIN_EPOCHS_AFTER_BEST = 2;
    /** ...with the last val_loss at least this much above the best (relative)... */
    static final double OVERFIT_MIN_RISE = 0.02;
    /** ...while the training loss ended below its value at the best epoch. */

    /** Validation better: val_loss below loss by this margin (relative)... */
    static final double VALIDATION_BETTER_MARGIN = 0.05;
    /** ...in more than this share of the epochs after the first (the first epoch's loss averages a model still learning)... */
    static final double VALIDATION_BETTER_SHARE = 0.5;
    /** ...and in at least this many of them. */
    static final int VALIDATION_BETTER_MIN_EPOCHS = 2;

    /** Early epochs the loss rules look at. */
    static final int EARLY_EPOCHS = 3;
    /** Rising early: the loss at the end of the early epochs this much above the first epoch's (relative). */
    static final double EARLY_RISE = 0.01;
    /** Flat early: the loss moved less than this (relative) over the early epochs. */
    static final double EARLY_FLAT = 0.01;

    /** Test below validation: the test accuracy at least this far (absolute) below the best val_accuracy. */
    static final double TEST_GAP = 0.002;

    /** Naive-like: the model's MAE is at least this share of the naive forecast's... */
    static final double NAIVE_MIN_MAE_RATIO = 0.9;
    /** ...and its forecasts correlate with yesterday's price at least this much. */
    static final double NAIVE_MIN_CORRELATION = 0.99;

    private CurveCoach() {
    }

    /** Every note that applies, in the order of the rules above, in English. */
    public static List<Note> notes(CoachInput input) {
        return notes(input, Messages.ENGLISH);
    }

    /** Every note that applies, in the order of the rules above, worded in {@code texts}' language. */
    public static List<Note> notes(CoachInput input, Messages texts) {
        List<Draft> notes = new ArrayList<>();
        List<EpochMetrics> epochs = input.epochs();
        lossBlewUpOrRose(epochs, notes);
        lossFlat(epochs, notes);
        int best = bestEpochIndex(epochs);
        if (best >= 0) {
            bestEpoch(epochs, best, input.test(), notes);
            overfitting(epochs, best, notes);
        }
        validationBetter(epochs, notes);
        testBelowValidation(epochs, input.test(), notes);
        naiveLike(input.forecast(), notes);
        return notes.stream().map(draft -> new Note(draft.epoch(), draft.kind(), texts.format(draft.text()))).toList();
    }

    /** A note before it is worded: the rules decide what to say, the reader's language how. */
    private record Draft(Integer epoch, String kind, Text text) {
    }

    /** The index of the lowest finite val_loss (the first on ties), or -1 with fewer than two epochs. */
    static int bestEpochIndex(List<EpochMetrics> epochs) {
        if (epochs.size() < 2) {
            return -1;
        }
        int best = -1;
        for (int i = 0; i < epochs.size(); i++) {
            double value = epochs.get(i).valLoss();
            if (Double.isFinite(value) && (best < 0 || value < epochs.get(best).valLoss())) {
                best = i;
            }
        }
        return best;
    }

    private static void bestEpoch(List<EpochMetrics> epochs, int best, TestResult test, List<Draft> notes) {
        EpochMetrics e = epochs.get(best);
        String key;
        if (test != null && test.bestEpoch() != null && test.bestEpoch() == e.epoch()) {
            key = "coach.best_epoch.restored";
        } else if (best == epochs.size() - 1) {
            key = "coach.best_epoch.last";
        } else {
            key = "coach.best_epoch.earlier";
        }
        notes.add(new Draft(e.epoch(), BEST_EPOCH, Text.of(key, number(e.valLoss()), e.epoch(), epochs.size())));
    }

    private static void overfitting(List<EpochMetrics> epochs, int best, List<Draft> notes) {
        int after = epochs.size() - 1 - best;
        if (after < OVERFIT_MIN_EPOCHS_AFTER_BEST) {
            return;
        }
        EpochMetrics atBest = epochs.get(best);
        EpochMetrics last = epochs.get(epochs.size() - 1);
        boolean valRose = last.valLoss() >= atBest.valLoss() * (1 + OVERFIT_MIN_RISE);
        boolean lossFell = Double.isFinite(last.loss()) && last.loss() < atBest.loss();
        if (!valRose || !lossFell) {
            return;
        }
        notes.add(new Draft(atBest.epoch() + 1, OVERFITTING, Text.of("coach.overfitting", after, atBest.epoch(),
                number(atBest.valLoss()), number(last.valLoss()), percent(last.valLoss() / atBest.valLoss() - 1),
                number(atBest.loss()), number(last.loss()))));
    }

    private static void validationBetter(List<EpochMetrics> epochs, List<Draft> notes) {
        int considered = 0;
        int better = 0;
        for (int i = 1; i < epochs.size(); i++) {
            EpochMetrics e = epochs.get(i);
            if (!Double.isFinite(e.loss()) || !Double.isFinite(e.valLoss())) {
                continue;
            }
            considered++;
            if (e.valLoss() < e.loss() * (1 - VALIDATION_BETTER_MARGIN)) {
                better++;
            }
        }
        if (better < VALIDATION_BETTER_MIN_EPOCHS || better <= considered * VALIDATION_BETTER_SHARE) {
            return;
        }
        EpochMetrics last = epochs.get(epochs.size() - 1);
        notes.add(new Draft(last.epoch(), VALIDATION_BETTER, Text.of("coach.validation_better",
                percent(VALIDATION_BETTER_MARGIN), better, considered, number(last.valLoss()), number(last.loss()))));
    }

    private static void lossBlewUpOrRose(List<EpochMetrics> epochs, List<Draft> notes) {
        for (EpochMetrics e : epochs) {
            if (!Double.isFinite(e.loss()) || !Double.isFinite(e.valLoss())) {
                notes.add(new Draft(e.epoch(), LR_TOO_HIGH, Text.of("coach.blew_up", number(Double.isFinite(e.loss())
                        ? e.valLoss() : e.loss()), e.epoch())));
                return;
            }
        }
        int early = Math.min(EARLY_EPOCHS, epochs.size());
        if (early < 2) {
            return;
        }
        double first = epochs.get(0).loss();
        double end = epochs.get(early - 1).loss();
        if (end > first * (1 + EARLY_RISE)) {
            notes.add(new Draft(epochs.get(early - 1).epoch(), LR_TOO_HIGH, Text.of("coach.rose_early", early,
                    number(first), number(end))));
        }
    }

    private static void lossFlat(List<EpochMetrics> epochs, List<Draft> notes) {
        int early = Math.min(EARLY_EPOCHS, epochs.size());
        if (early < 2) {
            return;
        }
        double first = epochs.get(0).loss();
        double end = epochs.get(early - 1).loss();
        if (!Double.isFinite(first) || !Double.isFinite(end) || first == 0) {
            return;
        }
        if (Math.abs(end - first) < Math.abs(first) * EARLY_FLAT) {
            notes.add(new Draft(epochs.get(early - 1).epoch(), PLATEAU, Text.of("coach.plateau", early, number(first),
                    number(end), percent(EARLY_FLAT))));
        }
    }

    private static void testBelowValidation(List<EpochMetrics> epochs, TestResult test, List<Draft> notes) {
        if (test == null || test.accuracy() == null) {
            return;
        }
        EpochMetrics best = null;
        for (EpochMetrics e : epochs) {
            if (e.valAccuracy() != null && Double.isFinite(e.valAccuracy())
                    && (best == null || e.valAccuracy() > best.valAccuracy())) {
                best = e;
            }
        }
        if (best == null || test.accuracy() > best.valAccuracy() - TEST_GAP) {
            return;
        }
        notes.add(new Draft(best.epoch(), TEST_BELOW_VALIDATION, Text.of("coach.test_below_validation",
                number(test.accuracy()), number(best.valAccuracy()), best.epoch())));
    }

    private static void naiveLike(Forecast forecast, List<Draft> notes) {
        if (forecast == null || forecast.maeRatio() == null || forecast.predicted().length < 3) {
            return;
        }
        double correlation = correlation(forecast.predicted(), forecast.naive());
        if (forecast.maeRatio() < NAIVE_MIN_MAE_RATIO || !(correlation >= NAIVE_MIN_CORRELATION)) {
            return;
        }
        notes.add(new Draft(null, NAIVE_LIKE, Text.of("coach.naive_like",
                String.format(Locale.ROOT, "%.2f", forecast.maeRatio()), String.format(Locale.ROOT, "%.3f", correlation))));
    }

    /** Pearson's correlation; NaN when either side does not vary. */
    static double correlation(double[] a, double[] b) {
        int n = a.length;
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < n; i++) {
            meanA += a[i];
            meanB += b[i];
        }
        meanA /= n;
        meanB /= n;
        double cov = 0;
        double varA = 0;
        double varB = 0;
        for (int i = 0; i < n; i++) {
            cov += (a[i] - meanA) * (b[i] - meanB);
            varA += (a[i] - meanA) * (a[i] - meanA);
            varB += (b[i] - meanB) * (b[i] - meanB);
        }
        return varA == 0 || varB == 0 ? Double.NaN : cov / Math.sqrt(varA * varB);
    }

    private static Object number(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "NaN" : value > 0 ? Text.of("coach.infinite") : Text.of("coach.minus_infinite");
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 0.001 || value == 0 ? "%.4f" : "%.3g", value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}
