package deepdash.model;

import deepdash.protocol.EpochMetrics;
import deepdash.protocol.TestResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/**
 * The metric that says how good a run is, besides its loss: accuracy for classifiers (higher is
 * better), mean absolute error for forecasters (lower is better). Each {@link ModelSpec} names its
 * own; charts, lists, exports and the training loop ask it which field of the metrics to read or
 * fill.
 */
public enum KeyMetric {
    ACCURACY("accuracy", true),
    MAE("mae", false);

    private final String metricName;
    private final boolean higherIsBetter;

    KeyMetric(String metricName, boolean higherIsBetter) {
        this.metricName = metricName;
        this.higherIsBetter = higherIsBetter;
    }

    /** The training metric's name, as in {@code metrics.jsonl}: {@code accuracy} or {@code mae}. */
    public String metricName() {
        return metricName;
    }

    /** {@code val_accuracy} or {@code val_mae}. */
    public String validationName() {
        return "val_" + metricName;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public Double train(EpochMetrics epoch) {
        return this == ACCURACY ? epoch.accuracy() : epoch.mae();
    }

    public Double validation(EpochMetrics epoch) {
        return this == ACCURACY ? epoch.valAccuracy() : epoch.valMae();
    }

    public Double test(TestResult test) {
        return test == null ? null : this == ACCURACY ? test.accuracy() : test.mae();
    }

    /** One epoch's line of {@code metrics.jsonl}, this metric in its field. */
    public EpochMetrics epoch(int epoch, double loss, double metric, double valLoss, double valMetric,
            double epochSeconds, double samplesPerSecond, double elapsedSeconds) {
        return this == ACCURACY
                ? EpochMetrics.classifier(epoch, loss, metric, valLoss, valMetric, epochSeconds, samplesPerSecond,
                        elapsedSeconds)
                : EpochMetrics.regressor(epoch, loss, metric, valLoss, valMetric, epochSeconds, samplesPerSecond,
                        elapsedSeconds);
    }

    /** The test result, this metric in its field. */
    public TestResult testResult(double loss, double metric, int samples, double seconds) {
        return this == ACCURACY ? new TestResult(loss, metric, null, samples, seconds)
                : new TestResult(loss, null, metric, samples, seconds);
    }

    /** The best validation value over the epochs (max accuracy, min MAE); null when there is none. */
    public Double bestValidation(List<EpochMetrics> epochs) {
        Double best = null;
        for (EpochMetrics epoch : epochs) {
            Double value = validation(epoch);
            if (value == null || !Double.isFinite(value)) {
                continue;
            }
            if (best == null || (higherIsBetter ? value > best : value < best)) {
                best = value;
            }
        }
        return best;
    }

    /** Four decimals for accuracy (0.9871); four significant digits for an error of any size. */
    public String format(Double value) {
        if (this == ACCURACY && value != null && Double.isFinite(value)) {
            return String.format(Locale.ROOT, "%.4f", value);
        }
        return significant(value);
    }

    /** Four significant digits (12.35, 0.001234), switching to an exponent for tiny or huge values. */
    public static String significant(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return "–";
        }
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
