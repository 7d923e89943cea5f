package deepdash.series;

/**
 * Maps prices linearly so that the smallest value it was fitted on becomes 0 and the largest 1,
 * like scikit-learn's {@code MinMaxScaler}. Values outside the fitted range map outside [0, 1]:
 * a scaler fitted on the training years must not be refitted to make the test years fit.
 *
 * @param min the smallest fitted value (maps to 0)
 * @param max the largest fitted value (maps to 1)
 */
public record MinMaxScaler(double min, double max) {

    public MinMaxScaler {
        if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
            throw new IllegalArgumentException("need finite min <= max, got " + min + " and " + max);
        }
    }

    /** Fits on {@code values[from]} to {@code values[to - 1]}, and on nothing else. */
    public static MinMaxScaler fit(double[] values, int from, int to) {
        if (from < 0 || to > values.length || from >= to) {
            throw new IllegalArgumentException("cannot fit on values " + from + " to " + to + " of " + values.length);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        return new MinMaxScaler(min, max);
    }

    /** The width of the fitted range; 1 when all fitted values were equal, so nothing divides by zero. */
    public double range() {
        return max > min ? max - min : 1;
    }

    public double scale(double value) {
        return (value - min) / range();
    }

    public double inverse(double scaled) {
        return min + scaled * range();
    }
}
