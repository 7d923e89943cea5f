package deepdash.forecast;

import deepdash.i18n.Messages;
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
        return naiveName(Messages.ENGLISH);
    }

    public String naiveName(Messages t) {
        int horizon = forecast.horizon();
        return horizon == 1 ? t.get("forecast.naive.tomorrow") : t.get("forecast.naive.days", horizon);
    }

    /**
     * The sentence that says whether the model beat the naive forecast: by the MAE ratio, and only
     * when the Diebold-Mariano test puts the difference beyond noise (p below 0.05).
     */
    public String verdict() {
        return verdict(Messages.ENGLISH);
    }

    /** {@link #verdict()} in {@code t}'s language; the numbers read the same in every language. */
    public String verdict(Messages t) {
        Double ratio = forecast.maeRatio();
        double model = forecast.metrics().mae();
        double naive = forecast.baseline().mae();
        if (ratio == null) {
            return t.get("forecast.verdict.flat", naiveName(t), modelTitle, price(model));
        }
        DieboldMariano dm = forecast.dieboldMariano();
        if (dm != null && !dm.significant()) {
            return t.get("forecast.verdict.noise", modelTitle, naiveName(t), pValue(dm.pValue()), price(model),
                    price(naive), String.format(Locale.US, "%.3f", ratio));
        }
        String p = dm == null ? "" : t.get("forecast.verdict.p", pValue(dm.pValue()));
        if (ratio < 1) {
            return t.get("forecast.verdict.beats", modelTitle, naiveName(t), price(model), price(naive),
                    String.format(Locale.US, "%.0f%%", 100 * (1 - ratio)), String.format(Locale.US, "%.3f", ratio), p);
        }
        return t.get("forecast.verdict.loses", modelTitle, naiveName(t), price(model), price(naive),
                String.format(Locale.US, "%.2f", ratio), p);
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
        return ratioReading(Messages.ENGLISH);
    }

    public String ratioReading(Messages t) {
        Double ratio = forecast.maeRatio();
        if (ratio == null) {
            return t.get("forecast.ratio.none");
        }
        if (ratio == 1) {
            return t.get("forecast.ratio.one", modelTitle, naiveName(t));
        }
        return t.get(ratio < 1 ? "forecast.ratio.below" : "forecast.ratio.above", modelTitle, naiveName(t));
    }

    public String csvUrl() {
        return ForecastController.forecastCsvPath(runId);
    }

    public String modelZipUrl() {
        return deepdash.runs.RunExportController.modelZipPath(runId);
    }
}
