package deepdash.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The Diebold-Mariano test against a published example and a worked example computed by hand.
 *
 * <p>Published: the example of R's {@code forecast::dm.test} (Hyndman et al.), out-of-sample one-step
 * errors of an ETS and an ARIMA model fitted to days 1-80 of R's {@code WWWusage} series and run over
 * days 81-100. R reports two-sided p = 0.8871 (greater 0.5565, less 0.4435) for h = 1 and p = 0.9362
 * (greater 0.5319) for h = 10, squared-error loss. The twenty errors of each model are those listed,
 * to nine digits, with R's p-values, in the test suite of Julia's HypothesisTests.jl
 * ({@code test/diebold_mariano.jl}).
 *
 * <p>By hand: model errors {@code 1, -2, 3, -1, 2}, naive errors {@code 2, 1, -2, 2, -3}. With
 * squared-error loss the differential is {@code d = 1-4, 4-1, 9-4, 1-4, 4-9 = -3, 3, 5, -3, -5}: mean
 * -0.6; deviations -2.4, 3.6, 5.6, -2.4, -4.4, whose squares sum to 75.2, so {@code g0 = 75.2 / 5 =
 * 15.04} and, for h = 1, {@code DM = -0.6 / sqrt(15.04 / 5) = -0.345949}. Harvey-Leybourne-Newbold's
 * factor is {@code sqrt((5 + 1 - 2) / 5) = sqrt(0.8)}: {@code DM* = -0.309426}, and Student's t with 4
 * degrees of freedom gives two-sided p = 0.772446 (scipy.stats.t.sf). For h = 2 the lag-1
 * autocovariance joins: {@code g1 = (3.6*-2.4 + 5.6*3.6 + -2.4*5.6 + -4.4*-2.4) / 5 = 1.728},
 * {@code DM = -0.6 / sqrt((15.04 + 2*1.728) / 5) = -0.311959}, factor {@code sqrt((6 - 4 + 0.4) / 5) =
 * sqrt(0.48)}: {@code DM* = -0.216131}, p = 0.839460. With absolute loss {@code d = -1, 1, 1, -1, -1}:
 * mean -0.2, {@code g0 = 0.96}, {@code DM = -0.456435}, {@code DM* = -0.408248}, p = 0.704.
 */
class DieboldMarianoTest {

    private static final double[] MODEL = {1, -2, 3, -1, 2};
    private static final double[] NAIVE = {2, 1, -2, 2, -3};

    /** ETS's out-of-sample errors on WWWusage days 81-100 (R forecast package's dm.test example). */
    private static final double[] ETS = {
        0.002241270, -0.000661906, -1.200002613, -4.000218178, 3.799373533,
        3.401005111, -1.199692125, -0.800490048, -1.200048999, 3.399847229,
        7.000708948, 2.200989241, -4.800165569, -1.201043375, 3.400167556,
        3.000709085, 0.400267950, -6.800169207, -2.401259050, 1.200112198};

    /** ARIMA's errors on the same days. */
    private static final double[] ARIMA = {
        0.1209998, 8.0622269, -0.9189429, -1.7952436, 5.3431277,
        2.0459823, -0.6073261, 0.5516816, -0.7633238, 4.1229472,
        5.8785333, 1.2828331, -3.4854233, 1.1971370, 3.1709314,
        2.3408457, 0.4962286, -5.9841362, 0.1537114, 0.4207951};

    @Test
    void matchesRsPublishedExampleOneStepAhead() {
        DieboldMariano dm = DieboldMariano.test(ETS, ARIMA, 1, DieboldMariano.Loss.SQUARED);

        assertThat(dm.pValue()).isCloseTo(0.8871, within(1e-4));
        // R's one-sided p-values are the two halves: "greater" is P(T >= DM*).
        assertThat(dm.pValue() / 2).isCloseTo(1 - 0.5565, within(1e-4));
        assertThat(dm.statistic()).isNegative();
        assertThat(dm.significant()).isFalse();
    }

    @Test
    void matchesRsPublishedExampleTenStepsAhead() {
        DieboldMariano dm = DieboldMariano.test(ETS, ARIMA, 10, DieboldMariano.Loss.SQUARED);

        assertThat(dm.pValue()).isCloseTo(0.9362, within(1e-4));
        assertThat(1 - dm.pValue() / 2).isCloseTo(0.5319, within(1e-4));
    }

    @Test
    void squaredLossOneStepMatchesTheHandComputation() {
        DieboldMariano dm = DieboldMariano.test(MODEL, NAIVE, 1, DieboldMariano.Loss.SQUARED);

        assertThat(dm.statistic()).isCloseTo(-0.309426373877638, within(1e-12));
        assertThat(dm.pValue()).isCloseTo(0.7724458384204472, within(1e-9));
        assertThat(dm.significant()).isFalse();
    }

    @Test
    void twoStepsAddTheLagOneAutocovariance() {
        DieboldMariano dm = DieboldMariano.test(MODEL, NAIVE, 2, DieboldMariano.Loss.SQUARED);

        assertThat(dm.statistic()).isCloseTo(-0.21613144789263333, within(1e-12));
        assertThat(dm.pValue()).isCloseTo(0.8394598259629046, within(1e-9));
    }

    @Test
    void absoluteLossComparesTheErrorsWhoseMeanIsTheMae() {
        DieboldMariano dm = DieboldMariano.test(MODEL, NAIVE, 1, DieboldMariano.Loss.ABSOLUTE);

        assertThat(dm.statistic()).isCloseTo(-0.408248290463863, within(1e-12));
        assertThat(dm.pValue()).isCloseTo(0.704, within(1e-9));
    }

    @Test
    void aModelMuchBetterEveryDayIsSignificantAndSwappingTheSidesFlipsTheSign() {
        double[] small = new double[200];
        double[] large = new double[200];
        for (int i = 0; i < small.length; i++) {
            small[i] = (i % 2 == 0 ? 1 : -1) * (0.5 + 0.1 * (i % 3));
            large[i] = (i % 2 == 0 ? -1 : 1) * (1.5 + 0.2 * (i % 5));
        }
        DieboldMariano better = DieboldMariano.test(small, large, 1, DieboldMariano.Loss.ABSOLUTE);
        DieboldMariano worse = DieboldMariano.test(large, small, 1, DieboldMariano.Loss.ABSOLUTE);

        assertThat(better.statistic()).isNegative();
        assertThat(better.pValue()).isLessThan(1e-6);
        assertThat(better.significant()).isTrue();
        assertThat(worse.statistic()).isCloseTo(-better.statistic(), within(1e-12));
        assertThat(worse.pValue()).isCloseTo(better.pValue(), within(1e-15));
    }

    @Test
    void identicalForecastsAreNoDifferenceAtAll() {
        DieboldMariano dm = DieboldMariano.test(MODEL, MODEL, 1, DieboldMariano.Loss.SQUARED);

        assertThat(dm.statistic()).isZero();
        assertThat(dm.pValue()).isEqualTo(1);
    }

    @Test
    void theCorrectionFactorFollowsHarveyLeybourneNewboldAndStaysPositive() {
        assertThat(DieboldMariano.smallSampleFactor(5, 1)).isCloseTo(Math.sqrt(0.8), within(1e-15));
        assertThat(DieboldMariano.smallSampleFactor(500, 20)).isCloseTo(
                Math.sqrt((501 - 40 + 20 * 19 / 500.0) / 500), within(1e-15));
        // 3 days, 3 ahead: (4 - 6 + 2) / 3 = 0, no usable factor.
        assertThat(DieboldMariano.smallSampleFactor(3, 3)).isEqualTo(1);
    }

    @Test
    void pValuesComeFromStudentsTWithNMinusOneDegrees() {
        // t(4): P(|T| >= 2.776445) = 0.05; t(19): P(|T| >= 2.093024) = 0.05 (tables).
        assertThat(DieboldMariano.twoSidedPValue(2.776445, 4)).isCloseTo(0.05, within(1e-6));
        assertThat(DieboldMariano.twoSidedPValue(-2.093024, 19)).isCloseTo(0.05, within(1e-6));
        assertThat(DieboldMariano.twoSidedPValue(0, 10)).isCloseTo(1, within(1e-12));
    }
}
