package deepdash.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import deepdash.json.Json;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The forecast's figures, computed from outputs chosen by hand rather than by a model. */
class ForecastTest {

    private final WindowedSeries series = WindowedSeriesTest.handMade(WindowedSeriesTest.VALUES);

    @Test
    void naiveMaeAndRmseAreComputedFromTheWindowsLastValues() {
        // Test targets 18, 17, 20, 19; naive forecasts 14, 18, 17, 20: errors 4, 1, 3, 1.
        Forecast forecast = Forecast.of(series, "Close", scaled(18, 17, 20, 19), scaledOne(19));

        assertThat(forecast.baseline().mae()).isCloseTo(2.25, within(1e-12));
        assertThat(forecast.baseline().rmse()).isCloseTo(Math.sqrt(27 / 4.0), within(1e-12));
        // The scaler maps 10..15 to 0..1, so scaled errors are a fifth of the price errors.
        assertThat(forecast.baseline().maeScaled()).isCloseTo(0.45, within(1e-12));
        assertThat(forecast.baseline().mseScaled()).isCloseTo(27 / 4.0 / 25, within(1e-12));
        assertThat(forecast.naive()).containsExactly(14, 18, 17, 20);
    }

    @Test
    void aPerfectModelHasRatioZeroAndTheNaiveModelRatioOne() {
        Forecast perfect = Forecast.of(series, "Close", scaled(18, 17, 20, 19), scaledOne(19));
        assertThat(perfect.metrics().mae()).isCloseTo(0, within(1e-4));
        assertThat(perfect.maeRatio()).isCloseTo(0, within(1e-4));
        assertThat(perfect.beatsNaive()).isTrue();

        Forecast naive = Forecast.of(series, "Close", scaled(14, 18, 17, 20), scaledOne(19));
        assertThat(naive.maeRatio()).isCloseTo(1, within(1e-5));
        assertThat(naive.beatsNaive()).isFalse();
    }

    @Test
    void predictionsComeBackInPriceUnitsWithTheTestDates() {
        Forecast forecast = Forecast.of(series, "Close", scaled(18.5, 17, 20, 19), scaledOne(21));

        assertThat(forecast.predicted()[0]).isCloseTo(18.5, within(1e-4));
        assertThat(forecast.dates()).hasSize(4).first().isEqualTo(WindowedSeriesTest.FIRST.plusDays(6));
        assertThat(forecast.actual()).hasSameSizeAs(forecast.predicted()).hasSameSizeAs(forecast.naive());
        assertThat(forecast.next().value()).isCloseTo(21, within(1e-4));
        // The series ends on Wednesday 2022-01-05; the next business day is Thursday.
        assertThat(forecast.next().date()).isEqualTo(LocalDate.of(2022, 1, 6));
    }

    @Test
    void writesTheKeysTheApiPromises() throws Exception {
        String json = Json.write(Forecast.of(series, "Close", scaled(18, 17, 20, 19), scaledOne(19)));

        var tree = Json.mapper().readTree(json);
        assertThat(tree.fieldNames()).toIterable().contains("dates", "actual", "predicted", "naive", "metrics",
                "baseline", "maeRatio", "next");
        assertThat(tree.get("metrics").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("mae", "rmse", "mse_scaled", "mae_scaled");
        assertThat(tree.get("dates").get(0).asText()).isEqualTo("2022-01-02");
        assertThat(tree.get("next").get("date").asText()).isEqualTo("2022-01-06");
        assertThat(Json.mapper().readValue(json, Forecast.class).baseline().mae()).isCloseTo(2.25, within(1e-12));
    }

    @Test
    void aForecastWrittenBeforeRecipesReadsAsTheSeedsOneDayAheadWithItsTestComputed() throws Exception {
        Forecast written = Forecast.of(series, "Close", scaled(18, 17, 20, 19), scaledOne(19));
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(Json.write(written));
        assertThat(tree.get("dieboldMariano").fieldNames()).toIterable()
                .contains("statistic", "pValue", "loss", "horizon");
        tree.remove(java.util.List.of("recipe", "horizon", "dieboldMariano", "standardization"));

        Forecast old = Json.mapper().treeToValue(tree, Forecast.class);

        assertThat(old.recipe()).isEqualTo(Recipe.SEED);
        assertThat(old.horizon()).isEqualTo(1);
        assertThat(old.dieboldMariano()).isEqualTo(written.dieboldMariano());
    }

    @Test
    void aFlatTestPeriodHasNoRatio() {
        double[] flat = {10, 11, 13, 12, 15, 14, 14, 14, 14, 14};
        WindowedSeries flatSeries = WindowedSeriesTest.handMade(flat);

        Forecast forecast = Forecast.of(flatSeries, "Close", scaledFor(flatSeries, 14, 14, 14, 14),
                scaledOne(14));

        assertThat(forecast.baseline().mae()).isZero();
        assertThat(forecast.maeRatio()).isNull();
    }

    @Test
    void theNextBusinessDaySkipsTheWeekend() {
        assertThat(BusinessDays.next(LocalDate.of(2023, 12, 29))).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(BusinessDays.next(LocalDate.of(2023, 12, 30))).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(BusinessDays.next(LocalDate.of(2023, 12, 20))).isEqualTo(LocalDate.of(2023, 12, 21));
    }

    private float[] scaled(double... prices) {
        return scaledFor(series, prices);
    }

    private static float[] scaledFor(WindowedSeries s, double... prices) {
        float[] out = new float[prices.length];
        for (int i = 0; i < prices.length; i++) {
            out[i] = (float) s.scaler().scale(prices[i]);
        }
        return out;
    }

    private float scaledOne(double price) {
        return (float) series.scaler().scale(price);
    }
}
