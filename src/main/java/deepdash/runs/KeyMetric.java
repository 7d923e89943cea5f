package deepdash.runs;

import deepdash.protocol.EpochMetrics;
import deepdash.protocol.TestResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/**
 * The metric that says how good a run is, besides its loss: accuracy for the CNN (higher is
 * better), mean absolute error for the LSTM (lower is better). Charts, lists and exports all ask
 * here, so a new model needs one line, not a search through the pages.
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

    public static KeyMetric forModel(String model) {
        return "lstm".equals(model) ? MAE : ACCURACY;
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
