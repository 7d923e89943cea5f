package deepdash.series;

/**
 * The {@link Recipe#RETURNS} recipe's constants, fitted on the training days' daily log returns and
 * stored in {@code forecast.json} so the forecast can be reproduced: a return {@code r} goes in as
 * {@code (r - mean) / deviation}; an {@code h}-day log return {@code R} is the target
 * {@code (R - h mean) / (deviation sqrt(h))}, the standardisation of a sum of {@code h} independent
 * daily returns.
 *
 * @param mean the mean daily log return of the training days
 * @param deviation their standard deviation (population, as scikit-learn's {@code StandardScaler});
 *     1 when they are all equal, so nothing divides by zero
 */
public record Standardization(double mean, double deviation) {

    public Standardization {
        if (!Double.isFinite(mean) || !Double.isFinite(deviation) || deviation <= 0) {
            throw new IllegalArgumentException("need a finite mean and a positive deviation, got " + mean + " and "
                    + deviation);
        }
    }

    /** Fits on {@code returns[from]} to {@code returns[to - 1]}. */
    public static Standardization fit(double[] returns, int from, int to) {
        if (from < 0 || to > returns.length || from >= to) {
            throw new IllegalArgumentException("cannot fit on returns " + from + " to " + to + " of "
                    + returns.length);
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += returns[i];
        }
        double mean = sum / (to - from);
        double squares = 0;
        for (int i = from; i < to; i++) {
            squares += (returns[i] - mean) * (returns[i] - mean);
        }
        double deviation = Math.sqrt(squares / (to - from));
        return new Standardization(mean, deviation > 0 ? deviation : 1);
    }

    /** {@code ln(prices[i] / prices[i - 1])} at index {@code i}; index 0 has no return and holds 0. */
    public static double[] logReturns(double[] prices) {
        double[] returns = new double[prices.length];
        for (int i = 1; i < prices.length; i++) {
            if (!(prices[i] > 0) || !(prices[i - 1] > 0)) {
                throw new IllegalArgumentException("log returns need positive prices; day " + i + " has "
                        + prices[i - 1] + " then " + prices[i]);
            }
            returns[i] = Math.log(prices[i] / prices[i - 1]);
        }
        return returns;
    }

    /** One daily log return in the model's units. */
    public double standardize(double dailyReturn) {
        return (dailyReturn - mean) / deviation;
    }

    /** An {@code horizon}-day log return in the model's (target) units. */
    public double standardizeTarget(double logReturn, int horizon) {
        return (logReturn - horizon * mean) / (deviation * Math.sqrt(horizon));
    }

    /** The model's output back to an {@code horizon}-day log return. */
    public double targetReturn(double standardized, int horizon) {
        return horizon * mean + standardized * deviation * Math.sqrt(horizon);
    }

    /** The price {@code horizon} days after {@code lastPrice} that the model's output stands for. */
    public double price(double lastPrice, double standardized, int horizon) {
        return lastPrice * Math.exp(targetReturn(standardized, horizon));
    }
}
