package deepdash.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import deepdash.engine.EngineSettings;
import deepdash.model.LstmSpec;
import deepdash.model.SeriesSettings;
import deepdash.prices.ParsedPrices;
import deepdash.prices.PriceCsvParser;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.TestResult;
import deepdash.series.Forecast;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The seed's setting on real AMZN prices: 2015-01-01 to 2023-12-31, window 5, split 2022-01-01,
 * 20 epochs. Reports the LSTM's test MAE next to the naive forecast's; it does not require the
 * LSTM to win. The file may not be redistributed, so the test is skipped where it is absent.
 * About 6 s of training on two cores, so it is not tagged slow.
 */
@Timeout(600)
class AmznSeedForecastTest {

    private static final Path AMZN = Path.of("..", "shared", "data", "prices", "AMZN-yahoo-1999-2023.csv");

    @Test
    void theSeedSettingReportsItsMaeRatioToTheNaiveForecast() throws Exception {
        assumeTrue(Files.isRegularFile(AMZN), () -> "no " + AMZN.toAbsolutePath().normalize());
        EngineSettings.applyToThisProcess();
        ParsedPrices prices = new PriceCsvParser().parse(Files.readAllBytes(AMZN), AMZN.getFileName().toString());
        SeriesSettings requested = new SeriesSettings(20, 32, 0.001, "cpu", "amzn", "Adj Close", 5, "2015-01-01",
                "2023-12-31", "2022-01-01", null, null);
        List<EpochMetrics> epochs = new ArrayList<>();
        double[] trainSeconds = new double[1];

        SeriesForecasting training = new SeriesForecasting(prices);
        training.train(new LstmSpec(), requested, null, new TrainingListener() {
            @Override
            public void epoch(EpochMetrics metrics) {
                epochs.add(metrics);
            }

            @Override
            public void tested(TestResult result, double seconds) {
                trainSeconds[0] = seconds;
            }
        }, 42, () -> false);
        Forecast forecast = training.forecast();

        System.out.printf("AMZN Adj Close, 2015-01-01..2023-12-31, window 5, split 2022-01-01, 20 epochs:%n"
                + "  %d training windows (%d validate), %d test windows%n"
                + "  LSTM  test MAE $%.4f, RMSE $%.4f (scaled MSE %.6f, MAE %.6f)%n"
                + "  naive test MAE $%.4f, RMSE $%.4f (scaled MSE %.6f, MAE %.6f)%n"
                + "  MAE ratio LSTM / naive: %.4f%n"
                + "  last epoch: loss %.6f, mae %.6f, val_loss %.6f, val_mae %.6f%n"
                + "  next business day %s: $%.2f%n"
                + "  training time %.1f s%n",
                forecast.trainWindows(), forecast.validationWindows(), forecast.testWindows(),
                forecast.metrics().mae(), forecast.metrics().rmse(), forecast.metrics().mseScaled(),
                forecast.metrics().maeScaled(), forecast.baseline().mae(), forecast.baseline().rmse(),
                forecast.baseline().mseScaled(), forecast.baseline().maeScaled(), forecast.maeRatio(),
                epochs.get(19).loss(), epochs.get(19).mae(), epochs.get(19).valLoss(), epochs.get(19).valMae(),
                forecast.next().date(), forecast.next().value(), trainSeconds[0]);

        assertThat(epochs).hasSize(20);
        assertThat(forecast.dates()).hasSize(forecast.testWindows());
        assertThat(forecast.dates().get(0)).isEqualTo(LocalDate.of(2022, 1, 3));
        assertThat(forecast.metrics().mae()).isFinite().isPositive();
        assertThat(forecast.baseline().mae()).isFinite().isPositive();
        assertThat(forecast.maeRatio()).isNotNull().isFinite().isPositive();
        assertThat(forecast.next().value()).isFinite().isPositive();
        assertThat(forecast.dieboldMariano().pValue()).isBetween(0.0, 1.0);
    }

    /**
     * The target: the returns recipe's LSTM stays within 1.05 of the naive forecast's MAE on
     * the seed's setting (measured 1.0218 with seed 42, where the seed's recipe is 2.41).
     */
    @Test
    void theReturnsRecipeStaysWithinFivePercentOfTheNaiveForecast() throws Exception {
        assumeTrue(Files.isRegularFile(AMZN), () -> "no " + AMZN.toAbsolutePath().normalize());
        EngineSettings.applyToThisProcess();
        ParsedPrices prices = new PriceCsvParser().parse(Files.readAllBytes(AMZN), AMZN.getFileName().toString());
        SeriesSettings requested = new SeriesSettings(20, 32, 0.001, "cpu", "amzn", "Adj Close", 5, "2015-01-01",
                "2023-12-31", "2022-01-01", "returns", 1);

        SeriesForecasting training = new SeriesForecasting(prices);
        training.train(new LstmSpec(), requested, null, new TrainingListener() {
        }, 42, () -> false);
        Forecast forecast = training.forecast();

        System.out.printf("AMZN returns recipe, LSTM: MAE $%.4f, naive $%.4f, ratio %.4f, DM %.3f, p %.4g%n",
                forecast.metrics().mae(), forecast.baseline().mae(), forecast.maeRatio(),
                forecast.dieboldMariano().statistic(), forecast.dieboldMariano().pValue());
        assertThat(forecast.standardization()).isNotNull();
        assertThat(forecast.maeRatio()).isLessThan(1.05);
    }
}
