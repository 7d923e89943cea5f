package deepdash.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The Diebold-Mariano statistic against a worked example computed by hand (and checked with Python's
 * {@code math.erfc}), and the normal CDF its p-value rests on against tabulated values.
 *
 * <p>Model errors {@code 1, -2, 3, -1, 2}, naive errors {@code 2, 1, -2, 2, -3}. With squared-error
 * loss the differential is {@code d = 1-4, 4-1, 9-4, 1-4, 4-9 = -3, 3, 5, -3, -5}: mean -0.6;
 * deviations -2.4, 3.6, 5.6, -2.4, -4.4, whose squares sum to 75.2, so {@code g0 = 75.2 / 5 = 15.04}
 * and, for h = 1, {@code DM = -0.6 / sqrt(15.04 / 5) = -0.345949}, two-sided normal p = 0.729381.
 * For h = 2 the lag-1 autocovariance joins: {@code g1 = (3.6*-2.4 + 5.6*3.6 + -2.4*5.6 + -4.4*-2.4) / 5
 * = 8.64 / 5 = 1.728}, {@code DM = -0.6 / sqrt((15.04 + 2*1.728) / 5) = -0.311959}, p = 0.755072.
 * With absolute loss {@code d = -1, 1, 1, -1, -1}: mean -0.2, {@code g0 = 4.8 / 5 = 0.96},
 * {@code DM = -0.2 / sqrt(0.96 / 5) = -0.456435}, p = 0.648077.
 */
class DieboldMarianoTest {

    private static final double[] MODEL = {1, -2, 3, -1, 2};
    private static final double[] NAIVE = {2, 1, -2, 2, -3};

    @Test
    void squaredLossOneStepMatchesTheHandComputation() {
        DieboldMariano dm = DieboldMariano.test(MODEL, NAIVE, 1, DieboldMariano.Loss.SQUARED);

        assertThat(dm.statistic()).isCloseTo(-0.3459492030108319, within(1e-12));
        assertThat(dm.pValue()).isCloseTo(0.7293808903356314, within(1e-6));
        assertThat(dm.significant()).isFalse();
    }

    @Test
    void twoStepsAddTheLagOneAutocovariance() {
        DieboldMariano dm = DieboldMariano.test(MODEL, NAIVE, 2, DieboldMariano.Loss.SQUARED);

        assertThat(dm.statistic()).isCloseTo(-0.3119588740528886, within(1e-12));
        assertThat(dm.pValue()).isCloseTo(0.7550717784255113, within(1e-6));
    }

    @Test
    void absoluteLossComparesTheErrorsWhoseMeanIsTheMae() {
        DieboldMariano dm = DieboldMariano.test(MODEL, NAIVE, 1, DieboldMariano.Loss.ABSOLUTE);

        assertThat(dm.statistic()).isCloseTo(-0.45643546458763845, within(1e-12));
        assertThat(dm.pValue()).isCloseTo(0.6480768681391461, within(1e-6));
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
    void theNormalCdfMatchesTabulatedValuesTailsIncluded() {
        assertThat(NormalDistribution.cdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(NormalDistribution.cdf(1.96)).isCloseTo(0.9750021048517795, within(1e-7));
        assertThat(NormalDistribution.cdf(-1)).isCloseTo(0.15865525393145707, within(1e-7));
        assertThat(NormalDistribution.cdf(2.5758293035489)).isCloseTo(0.995, within(1e-7));
        // Relative accuracy in the tail, where a p-value's digits matter: Phi(-3) = 0.0013498980316301.
        assertThat(NormalDistribution.cdf(-3) / 0.0013498980316300957).isCloseTo(1, within(2e-7));
        assertThat(NormalDistribution.twoSidedPValue(1.96)).isCloseTo(0.04999579029644087, within(1e-7));
        assertThat(NormalDistribution.twoSidedPValue(-1.96)).isEqualTo(NormalDistribution.twoSidedPValue(1.96));
    }
}
