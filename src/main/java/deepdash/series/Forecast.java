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
 * @param recipe how the model saw the prices; files from before recipes read as {@link Recipe#SEED}
 * @param horizon how many business days ahead each forecast is, against the naive forecast for the
 *     same horizon; files from before horizons read as 1
 * @param dieboldMariano the Diebold-Mariano test of the model's absolute errors against the naive
 *     forecast's; computed from the stored prices when an older file lacks it
 * @param standardization the returns recipe's constants, to reproduce the forecast; null for the seed's
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
        int testWindows,
        Recipe recipe,
        Integer horizon,
        DieboldMariano dieboldMariano,
        Standardization standardization) {

    public Forecast {
        recipe = recipe == null ? Recipe.DEFAULT : recipe;
        horizon = horizon == null ? 1 : horizon;
        // Always from the stored prices, so forecasts written by older versions get today's test.
        if (actual != null && predicted != null && naive != null && actual.length >= 2) {
            dieboldMariano = DieboldMariano.test(DieboldMariano.errors(actual, predicted),
                    DieboldMariano.errors(actual, naive), horizon, DieboldMariano.Loss.ABSOLUTE);
        }
    }

    /**
     * The forecast for the business day {@code horizon} days after the data.
     *
     * @param date that Monday-to-Friday day (exchange holidays are not known)
     * @param value the model's forecast in price units
     */
    public record NextDay(LocalDate date, double value) {
    }

    /**
     * Builds the forecast from the model's outputs (in its recipe's units).
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
            predicted[i] = series.price(first + i, scaledPredictions[i]);
        }
        ForecastErrors model = ForecastErrors.of(actual, predicted, scaler);
        ForecastErrors baseline = ForecastErrors.of(actual, naive, scaler);
        Double ratio = baseline.mae() > 0 ? model.mae() / baseline.mae() : null;
        NextDay next = new NextDay(BusinessDays.after(series.lastDate(), series.horizon()),
                series.nextPrice(scaledNext));
        return new Forecast(List.copyOf(series.targetDates(first, count)), actual, predicted, naive, model, baseline,
                ratio, next, target, series.window(), series.splitDate(), series.trainWindows(),
                series.validationWindows(), count, series.recipe(), series.horizon(), null,
                series.standardization());
    }

    /** Whether the model's MAE is below the naive forecast's and the Diebold-Mariano test says it is more than noise. */
    public boolean significantlyBeatsNaive() {
        return beatsNaive() && dieboldMariano != null && dieboldMariano.significant();
    }

    /** True when the model's MAE is below the naive forecast's. */
    public boolean beatsNaive() {
        return maeRatio != null && maeRatio < 1;
    }
}
