package deepdash.series;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * What an LSTM run forecast, stored as its run folder's {@code forecast.json}: the test days with
 * the real prices, the model's forecasts and the naive forecast "tomorrow = today", all in price
 * units; the errors of both; and the forecast for the next business day after the data.
 *
 * @param maeRatio the model's MAE divided by the naive forecast's; below 1 the model beats
 *     "tomorrow = today". Null when the naive MAE is zero (a flat test period)
 * @param target the column forecast, e.g. {@code Adj Close}
 * @param trainWindows fitted and validation windows together
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Forecast(
        List<LocalDate> dates,
        double[] actual,
        double[] predicted,
        double[] naive,
        ForecastErrors metrics,
        ForecastErrors baseline,
        Double maeRatio,
        NextDay next,
        String target,
        int window,
        LocalDate splitDate,
        int trainWindows,
        int validationWindows,
        int testWindows) {

    /**
     * The forecast for the first business day after the data.
     *
     * @param date the next Monday-to-Friday day (exchange holidays are not known)
     * @param value the model's forecast in price units
     */
    public record NextDay(LocalDate date, double value) {
    }

    /**
     * Builds the forecast from the model's scaled outputs.
     *
     * @param series the windows the model was trained and tested on
     * @param target the column's name
     * @param scaledPredictions the model's output for each test window, in scaled units
     * @param scaledNext the model's output for the last window of the series
     */
    public static Forecast of(WindowedSeries series, String target, float[] scaledPredictions, float scaledNext) {
        int first = series.firstTestTarget();
        int count = series.testWindows();
        if (scaledPredictions.length != count) {
            throw new IllegalArgumentException(scaledPredictions.length + " predictions for " + count
                    + " test windows");
        }
        MinMaxScaler scaler = series.scaler();
        double[] actual = series.targets(first, count);
        double[] naive = series.naive(first, count);
        double[] predicted = new double[count];
        for (int i = 0; i < count; i++) {
            predicted[i] = scaler.inverse(scaledPredictions[i]);
        }
        ForecastErrors model = ForecastErrors.of(actual, predicted, scaler);
        ForecastErrors baseline = ForecastErrors.of(actual, naive, scaler);
        Double ratio = baseline.mae() > 0 ? model.mae() / baseline.mae() : null;
        NextDay next = new NextDay(BusinessDays.next(series.lastDate()), scaler.inverse(scaledNext));
        return new Forecast(List.copyOf(series.targetDates(first, count)), actual, predicted, naive, model, baseline,
                ratio, next, target, series.window(), series.splitDate(), series.trainWindows(),
                series.validationWindows(), count);
    }

    /** True when the model's MAE is below the naive forecast's. */
    public boolean beatsNaive() {
        return maeRatio != null && maeRatio < 1;
    }
}
