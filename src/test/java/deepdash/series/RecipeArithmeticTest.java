package deepdash.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The returns recipe by hand. Prices 100, 110, 99, 108.9, 119.79, 107.811 move by x1.1, x0.9, x1.1,
 * x1.1, x0.9. With the split on day 4 the training returns are {@code a = ln 1.1}, {@code b = ln 0.9},
 * {@code a}: mean {@code (2a + b) / 3 = 0.0284199}, population deviation {@code (a - b) sqrt(2) / 3
 * = 0.0945971}. Standardised, {@code a} is {@code 1 / sqrt 2} and {@code b} is {@code -sqrt 2}.
 */
class RecipeArithmeticTest {

    private static final double[] PRICES = {100, 110, 99, 108.9, 119.79, 107.811};
    private static final double A = Math.log(1.1);
    private static final double B = Math.log(0.9);
    private static final double MEAN = (2 * A + B) / 3;
    private static final double DEVIATION = (A - B) * Math.sqrt(2) / 3;

    static List<LocalDate> days(int count) {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            days.add(LocalDate.of(2024, 1, 1).plusDays(i));
        }
        return days;
    }

    static WindowedSeries returns(int horizon) {
        return new WindowedSeries(days(PRICES.length), PRICES, 2, LocalDate.of(2024, 1, 5), Recipe.RETURNS, horizon);
    }

    @Test
    void theStandardisationIsFittedOnTheTrainingReturnsOnly() {
        Standardization fitted = returns(1).standardization();

        assertThat(MEAN).isCloseTo(0.028419947983607863, within(1e-15));
        assertThat(DEVIATION).isCloseTo(0.09459707303113846, within(1e-15));
        assertThat(fitted.mean()).isCloseTo(MEAN, within(1e-15));
        assertThat(fitted.deviation()).isCloseTo(DEVIATION, within(1e-15));
    }

    @Test
    void windowsHoldStandardisedReturnsAndTheTargetIsTheReturnToTheTargetDay() {
        WindowedSeries series = returns(1);

        // A return needs the day before it: the first target is day 3 (window days 1, 2), the split day 4.
        assertThat(series.firstFitTarget()).isEqualTo(3);
        assertThat(series.trainWindows()).isEqualTo(1);
        assertThat(series.firstTestTarget()).isEqualTo(4);
        assertThat(series.testWindows()).isEqualTo(2);
        // Target day 4: returns of days 2 and 3 (b, a); the target is ln(119.79 / 108.9) = a.
        float[] inputs = series.scaledInputs(4, 1);
        assertThat((double) inputs[0]).isCloseTo(-Math.sqrt(2), within(1e-6));
        assertThat((double) inputs[1]).isCloseTo(1 / Math.sqrt(2), within(1e-6));
        assertThat((double) series.scaledTargets(4, 1)[0]).isCloseTo(1 / Math.sqrt(2), within(1e-6));
    }

    @Test
    void anOutputBecomesAPriceFromTheLastKnownPrice() {
        WindowedSeries series = returns(1);

        // Output 0: the mean return applied to day 3's 108.9: 108.9 exp(0.0284199) = 112.0393.
        assertThat(series.price(4, 0)).isCloseTo(112.03933084652836, within(1e-9));
        // Output 1: one deviation above: 108.9 exp(0.0284199 + 0.0945971) = 123.1554.
        assertThat(series.price(4, 1)).isCloseTo(123.1554096533855, within(1e-9));
        // The target's own standardised value gives the real price back.
        assertThat(series.price(4, 1 / Math.sqrt(2))).isCloseTo(119.79, within(1e-9));
        // The next day's forecast starts from the last price, 107.811.
        assertThat(series.nextPrice(0)).isCloseTo(107.811 * Math.exp(MEAN), within(1e-9));
        // Unlike the seed's sigmoid, nothing caps it at the training maximum (110).
        assertThat(series.price(5, 3)).isGreaterThan(110);
    }

    @Test
    void aLongerHorizonStandardisesTheSumOfItsDailyReturns() {
        WindowedSeries series = returns(2);

        // Target day 4 from day 2 (99): ln(119.79 / 99) = 2a; (2a - 2 mean) / (deviation sqrt 2) = 1.
        assertThat(series.firstFitTarget()).isEqualTo(4);
        assertThat((double) series.scaledTargets(4, 1)[0]).isCloseTo(1, within(1e-6));
        assertThat(series.price(4, 1)).isCloseTo(119.79, within(1e-9));
        assertThat(series.naive(4, 2)).containsExactly(99, 108.9);
    }

    @Test
    void theSeedsRecipeIsUnchangedAndItsHorizonMovesTheNaiveForecast() {
        WindowedSeries seed = new WindowedSeries(days(PRICES.length), PRICES, 2, LocalDate.of(2024, 1, 5));
        WindowedSeries sameSeed = new WindowedSeries(days(PRICES.length), PRICES, 2, LocalDate.of(2024, 1, 5),
                Recipe.SEED, 1);
        WindowedSeries week = new WindowedSeries(days(PRICES.length), PRICES, 2, LocalDate.of(2024, 1, 5),
                Recipe.SEED, 2);

        assertThat(seed.scaledInputs(2, 4)).containsExactly(sameSeed.scaledInputs(2, 4));
        assertThat(seed.standardization()).isNull();
        // Scaler on days 0..3: min 99, max 110; output 0.5 is 104.5 whatever the last price.
        assertThat(seed.price(4, 0.5)).isCloseTo(104.5, within(1e-9));
        assertThat(week.naive(4, 2)).containsExactly(99, 108.9);
        assertThat(week.scaledInputs(4, 1)).containsExactly(seed.scaledInputs(3, 1));
    }
}
