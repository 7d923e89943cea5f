package deepdash.forecast;

import deepdash.series.DieboldMariano;
import deepdash.series.Forecast;
import java.util.Locale;

/**
 * Input of {@code prices/result.jte}: one finished run's forecast, with the sentences that say
 * plainly whether its model beat the naive forecast.
 *
 * @param modelTitle the model's title, e.g. {@code LSTM}
 */
public record ForecastResultView(String runId, String modelTitle, Forecast forecast) {

    /** Whether the model beat "tomorrow = today" on mean absolute error by more than noise. */
    public boolean beatsNaive() {
        return forecast.significantlyBeatsNaive();
    }

    /** The verdict's CSS class: {@code good} when it beats naive beyond noise, {@code bad} when it loses beyond noise. */
    public String verdictClass() {
        DieboldMariano dm = forecast.dieboldMariano();
        if (forecast.maeRatio() == null || dm == null || !dm.significant()) {
            return dm == null ? (forecast.beatsNaive() ? "good" : "bad") : "neutral";
        }
        return forecast.maeRatio() < 1 ? "good" : "bad";
    }

    /** The naive forecast for this horizon, in words: "tomorrow = today" for one day ahead. */
    public String naiveName() {
        int horizon = forecast.horizon();
        return horizon == 1 ? "\"tomorrow = today\""
                : "\"in " + horizon + " business days = today\"";
    }

    /**
     * The sentence that says whether the model beat the naive forecast: by the MAE ratio, and only
     * when the Diebold-Mariano test puts the difference beyond noise (p below 0.05).
     */
    public String verdict() {
        Double ratio = forecast.maeRatio();
        double model = forecast.metrics().mae();
        double naive = forecast.baseline().mae();
        if (ratio == null) {
            return "The test period is flat, so the naive forecast " + naiveName() + " is never wrong and no ratio "
                    + "can be given. The " + modelTitle + "'s mean absolute error is " + price(model) + ".";
        }
        DieboldMariano dm = forecast.dieboldMariano();
        if (dm != null && !dm.significant()) {
            return String.format(Locale.US, "The %s is no better than %s: the difference is within noise, p = %s "
                    + "(Diebold-Mariano). Its mean absolute error is %s against %s (ratio %.3f).", modelTitle,
                    naiveName(), pValue(dm.pValue()), price(model), price(naive), ratio);
        }
        String p = dm == null ? "" : ", p = " + pValue(dm.pValue()) + " (Diebold-Mariano)";
        if (ratio < 1) {
            return String.format(Locale.US, "The %s beats the naive forecast %s: its mean absolute error is %s "
                    + "against %s, %.0f%% lower (ratio %.3f%s).", modelTitle, naiveName(), price(model), price(naive),
                    100 * (1 - ratio), ratio, p);
        }
        return String.format(Locale.US, "The %s loses to the naive forecast %s: its mean absolute error is %s "
                + "against %s, %.2f times as large%s. Repeating the last price would have forecast these days "
                + "better.", modelTitle, naiveName(), price(model), price(naive), ratio, p);
    }

    /** The Diebold-Mariano statistic, two decimals; a dash when there is none. */
    public String dmStatistic() {
        DieboldMariano dm = forecast.dieboldMariano();
        return dm == null ? "–" : String.format(Locale.US, "%.2f", dm.statistic());
    }

    public String dmPValue() {
        DieboldMariano dm = forecast.dieboldMariano();
        return dm == null ? "–" : pValue(dm.pValue());
    }

    /** Two decimals, or "< 0.001" for the tiny ones, three significant digits between. */
    static String pValue(double p) {
        if (p < 0.001) {
            return "< 0.001";
        }
        return p < 0.01 ? String.format(Locale.US, "%.3f", p) : String.format(Locale.US, "%.2f", p);
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
     * What the MAE ratio in the metrics table means for this run: only which errors are smaller on
     * average. Whether that is more than noise is the Diebold-Mariano row's and the verdict's to say,
     * so the table never says "beats" beside a verdict of "within noise".
     */
    public String ratioReading() {
        Double ratio = forecast.maeRatio();
        if (ratio == null) {
            return "no ratio: the naive forecast is never wrong over a flat test period";
        }
        if (ratio == 1) {
            return "exactly 1: the " + modelTitle + "'s errors are as large as " + naiveName() + "'s";
        }
        return (ratio < 1 ? "below 1: the " + modelTitle + "'s errors are smaller than "
                : "above 1: the " + modelTitle + "'s errors are larger than ") + naiveName() + "'s, on average";
    }

    public String csvUrl() {
        return ForecastController.forecastCsvPath(runId);
    }

    public String modelZipUrl() {
        return deepdash.runs.RunExportController.modelZipPath(runId);
    }
}
