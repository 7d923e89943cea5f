package deepdash.series;

/**
 * The standard normal distribution's CDF, for p-values. No statistics library is a dependency, so
 * this uses the complementary error function in the Chebyshev form of Numerical Recipes
 * ({@code erfcc}, 2nd ed., section 6.2), whose relative error is below 1.2e-7 everywhere, tails
 * included: small p-values keep their leading digits.
 */
public final class NormalDistribution {

    private NormalDistribution() {
    }

    /** P(Z <= z) for a standard normal Z. */
    public static double cdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /** P(|Z| >= |z|): the two-sided p-value of a standard-normal statistic. */
    public static double twoSidedPValue(double z) {
        return erfc(Math.abs(z) / Math.sqrt(2));
    }

    /** The complementary error function, 1 - erf(x). */
    public static double erfc(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double polynomial = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277))))))));
        double value = t * Math.exp(polynomial);
        return x >= 0 ? value : 2 - value;
    }
}
