package deepdash.series;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The Diebold-Mariano test (Diebold and Mariano, 1995) of whether two forecasts of the same days are
 * equally accurate. With losses {@code L} of each forecast's errors, the loss differential is
 * {@code d_t = L(model_t) - L(naive_t)}, and
 *
 * <pre>DM = mean(d) / sqrt(lrv / n),  lrv = g_0 + 2 (g_1 + ... + g_{h-1})</pre>
 *
 * where {@code g_k = (1/n) sum_{t>k} (d_t - mean)(d_{t-k} - mean)} are the autocovariances of
 * {@code d} (an {@code h}-step forecast's errors overlap for {@code h - 1} days). When the long-run
 * variance comes out non-positive, {@code g_0} alone is used.
 *
 * <p>The reported statistic carries Harvey, Leybourne and Newbold's (1997) small-sample correction,
 * {@code DM* = DM sqrt((n + 1 - 2h + h(h - 1)/n) / n)}, and its two-sided p-value comes from Student's
 * t with {@code n - 1} degrees of freedom (Apache Commons Math), as R's {@code forecast::dm.test}
 * does. On the hundreds of test days of a price file this changes the p-value in the third decimal;
 * on a short file or at 20 days ahead it keeps the test from calling noise a difference. Where the
 * correction's factor would not be positive (a horizon near half the test days) it is left out.
 *
 * <p>A negative statistic means the model's losses are lower than the naive forecast's.
 *
 * @param statistic the DM statistic; 0 when the two forecasts' losses are identical every day
 * @param pValue the two-sided p-value; 1 when the losses are identical
 * @param loss the loss function the differential uses
 * @param horizon the forecast horizon {@code h} in days
 */
public record DieboldMariano(double statistic, @JsonProperty("pValue") double pValue, Loss loss, int horizon) {

    /** The loss each forecast error is charged. */
    public enum Loss {
        /** {@code |e|}: the loss whose mean is the MAE that the MAE ratio compares. */
        @JsonProperty("absolute") ABSOLUTE,
        /** {@code e^2}: the loss of Diebold and Mariano's own examples. */
        @JsonProperty("squared") SQUARED;

        double of(double error) {
            return this == ABSOLUTE ? Math.abs(error) : error * error;
        }
    }

    /** The conventional level below which the difference is called real rather than noise. */
    public static final double SIGNIFICANCE = 0.05;

    /**
     * @param modelErrors the model's forecast errors, one per day
     * @param naiveErrors the naive forecast's errors on the same days
     * @param horizon how many days ahead both forecast, at least 1
     */
    public static DieboldMariano test(double[] modelErrors, double[] naiveErrors, int horizon, Loss loss) {
        if (modelErrors.length != naiveErrors.length || modelErrors.length < 2) {
            throw new IllegalArgumentException("need two error series of the same length, at least 2; got "
                    + modelErrors.length + " and " + naiveErrors.length);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
        }
        int n = modelErrors.length;
        double[] d = new double[n];
        double sum = 0;
        for (int t = 0; t < n; t++) {
            d[t] = loss.of(modelErrors[t]) - loss.of(naiveErrors[t]);
            sum += d[t];
        }
        double mean = sum / n;
        double gamma0 = autocovariance(d, mean, 0);
        double longRun = gamma0;
        for (int k = 1; k < Math.min(horizon, n); k++) {
            longRun += 2 * autocovariance(d, mean, k);
        }
        if (longRun <= 0) {
            longRun = gamma0;
        }
        if (longRun <= 0) {
            // Every day's differential is the same: no noise to measure against.
            return mean == 0 ? new DieboldMariano(0, 1, loss, horizon)
                    : new DieboldMariano(Math.copySign(Double.MAX_VALUE, mean), 0, loss, horizon);
        }
        double statistic = mean / Math.sqrt(longRun / n) * smallSampleFactor(n, horizon);
        return new DieboldMariano(statistic, twoSidedPValue(statistic, n - 1), loss, horizon);
    }

    /** Harvey, Leybourne and Newbold's factor; 1 where it would not be a positive number. */
    static double smallSampleFactor(int n, int horizon) {
        double squared = (n + 1 - 2.0 * horizon + horizon * (horizon - 1.0) / n) / n;
        return squared > 0 ? Math.sqrt(squared) : 1;
    }

    /** P(|T| >= |t|) for Student's t with the given degrees of freedom. */
    static double twoSidedPValue(double t, int degreesOfFreedom) {
        TDistribution distribution = new TDistribution(null, degreesOfFreedom);
        return 2 * distribution.cumulativeProbability(-Math.abs(t));
    }

    /** The errors {@code predicted - actual}. */
    public static double[] errors(double[] actual, double[] predicted) {
        double[] errors = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            errors[i] = predicted[i] - actual[i];
        }
        return errors;
    }

    /** Whether the difference between the two forecasts is more than noise at the 5% level. */
    public boolean significant() {
        return pValue < SIGNIFICANCE;
    }

    private static double autocovariance(double[] d, double mean, int lag) {
        double sum = 0;
        for (int t = lag; t < d.length; t++) {
            sum += (d[t] - mean) * (d[t - lag] - mean);
        }
        return sum / d.length;
    }
}
