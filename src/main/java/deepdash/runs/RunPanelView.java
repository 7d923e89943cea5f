package deepdash.runs;

import deepdash.model.ModelRegistry;
import deepdash.protocol.EpochMetrics;
import java.util.Locale;

/**
 * Input of {@code runs/panel.jte}: one run's live progress, charts, per-epoch log and result.
 *
 * @param metric the metric charted next to the loss: its model's key metric ({@code accuracy}, {@code mae})
 * @param forecast whether the run writes a forecast, which pages show once it completes
 */
public record RunPanelView(RunView run, String metric, boolean forecast) {

    /** The panel of {@code run}, as its model's spec says to show it. */
    public static RunPanelView of(RunView run, ModelRegistry models) {
        return new RunPanelView(run, models.keyMetric(run.model()).metricName(), models.isForecast(run.model()));
    }

    /** "CPU", "GPU 0"; empty before the worker has said. */
    public String deviceLabel() {
        return run.device() == null ? "" : "on " + DeviceLabel.of(run.device());
    }

    /** The DOM id of the panel, for links to it ("see below"). */
    public String domId() {
        return "run-" + run.id();
    }

    /** The key metric of an epoch for the log table: accuracy or mae. */
    public String metricCell(EpochMetrics epoch) {
        return number("mae".equals(metric) ? epoch.mae() : epoch.accuracy());
    }

    public String valMetricCell(EpochMetrics epoch) {
        return number("mae".equals(metric) ? epoch.valMae() : epoch.valAccuracy());
    }

    /** Four decimals, as the live rows have them; a dash for a missing value. */
    public static String number(Double value) {
        return value == null || !Double.isFinite(value) ? "–" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** A learning rate as Keras logs it: 0.001, 1.25e-05. */
    public static String rate(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return "–";
        }
        return value >= 1e-3 || value == 0 ? stripZeros(String.format(Locale.ROOT, "%.6f", value))
                : String.format(Locale.ROOT, "%.2e", value).replace("e-0", "e-");
    }

    private static String stripZeros(String decimal) {
        String s = decimal.replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }

    public static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
