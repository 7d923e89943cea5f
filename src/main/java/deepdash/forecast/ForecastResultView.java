package deepdash.forecast;

import deepdash.series.Forecast;
import java.util.Locale;

/**
 * Input of {@code prices/result.jte}: one finished run's forecast, with the sentences that say
 * plainly whether its model beat the naive forecast.
 *
 * @param modelTitle the model's title, e.g. {@code LSTM}
 */
public record ForecastResultView(String runId, String modelTitle, Forecast forecast) {

    /** Whether the model beat "tomorrow = today" on mean absolute error. */
    public boolean beatsNaive() {
        return forecast.beatsNaive();
    }

    public String verdict() {
        Double ratio = forecast.maeRatio();
        double model = forecast.metrics().mae();
        double naive = forecast.baseline().mae();
        if (ratio == null) {
            return "The test period is flat, so the naive forecast \"tomorrow = today\" is never wrong and no ratio "
                    + "can be given. The " + modelTitle + "'s mean absolute error is " + price(model) + ".";
        }
        if (ratio < 1) {
            return String.format(Locale.US, "The %s beats the naive forecast \"tomorrow = today\": its mean "
                    + "absolute error is %s against %s, %.0f%% lower (ratio %.3f).", modelTitle, price(model),
                    price(naive), 100 * (1 - ratio), ratio);
        }
        return String.format(Locale.US, "The %s loses to the naive forecast \"tomorrow = today\": its mean "
                + "absolute error is %s against %s, %.2f times as large. Repeating the last price would have "
                + "forecast these days better.", modelTitle, price(model), price(naive), ratio);
    }

    public String ratio() {
        return forecast.maeRatio() == null ? "–" : String.format(Locale.US, "%.3f", forecast.maeRatio());
    }

    /** A price, two decimals with thousands separators; the currency is whatever the file's was. */
    public static String price(double value) {
        return String.format(Locale.US, "%,.2f", value);
    }

    /** A value in scaled units, enough digits to compare small errors. */
    public static String scaled(double value) {
        return String.format(Locale.US, "%.6f", value);
    }

    public String lastDate() {
        return forecast.dates().isEmpty() ? "" : forecast.dates().get(forecast.dates().size() - 1).toString();
    }

    /**
     * What the MAE ratio in the metrics table means for this run, in the same words as the verdict:
     * never "below 1: beats" next to a ratio above 1.
     */
    public String ratioReading() {
        Double ratio = forecast.maeRatio();
        if (ratio == null) {
            return "no ratio: the naive forecast is never wrong over a flat test period";
        }
        if (ratio < 1) {
            return "below 1: the " + modelTitle + " beats \"tomorrow = today\"";
        }
        return (ratio == 1 ? "exactly 1: the " + modelTitle + " only ties with" : "above 1: the " + modelTitle
                + " loses to") + " \"tomorrow = today\"";
    }

    public String csvUrl() {
        return ForecastController.forecastCsvPath(runId);
    }

    public String modelZipUrl() {
        return deepdash.runs.RunExportController.modelZipPath(runId);
    }
}
