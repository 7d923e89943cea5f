package deepdash.series;

import java.time.LocalDate;
import java.util.List;

/**
 * One price column cut into windows, the seed's way: the last {@code window} values predict the
 * next day's value. Windows are named by the index of their target day {@code t}; the window is
 * {@code values[t - window] .. values[t - 1]}.
 *
 * <p>A window belongs to the test set when its target date is on or after the split date, else to
 * training. The last {@value #VALIDATION_SHARE} of the training windows, in time order, validate
 * (as Keras's {@code validation_split} does); the rest are fitted. Test windows may look back into
 * training days: that is history a forecaster has on the day, not a leak.
 *
 * <p>Unlike the seed, the {@link MinMaxScaler} is fitted on the training part only: every value up
 * to the last training target ({@code values[0] .. values[splitIndex - 1]}), which holds every
 * value any training window reads. Nothing on or after the split date touches it.
 */
public final class WindowedSeries {

    /** The share of training windows kept for validation, the seed's {@code validation_split=0.2}. */
    public static final double VALIDATION_SHARE = 0.2;

    private final List<LocalDate> dates;
    private final double[] values;
    private final int window;
    private final LocalDate splitDate;
    private final int splitIndex;
    private final MinMaxScaler scaler;

    /**
     * @param dates the trading days, ascending, one per value
     * @param values the target column's values
     * @param window how many days each window holds, at least 1
     * @param splitDate the first day whose target belongs to the test set
     */
    public WindowedSeries(List<LocalDate> dates, double[] values, int window, LocalDate splitDate) {
        if (dates.size() != values.length) {
            throw new IllegalArgumentException(dates.size() + " dates for " + values.length + " values");
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
        this.dates = List.copyOf(dates);
        this.values = values.clone();
        this.window = window;
        this.splitDate = splitDate;
        int index = 0;
        while (index < this.dates.size() && this.dates.get(index).isBefore(splitDate)) {
            index++;
        }
        this.splitIndex = index;
        this.scaler = index > 0 ? MinMaxScaler.fit(this.values, 0, index) : null;
    }

    public int window() {
        return window;
    }

    public LocalDate splitDate() {
        return splitDate;
    }

    /** How many days the series holds. */
    public int rows() {
        return values.length;
    }

    public LocalDate firstDate() {
        return dates.get(0);
    }

    public LocalDate lastDate() {
        return dates.get(dates.size() - 1);
    }

    /** Windows whose target is before the split date (fitted and validation windows together). */
    public int trainWindows() {
        return Math.max(0, splitIndex - window);
    }

    /** The last 20% of the training windows, rounded, at least one when there are two or more. */
    public int validationWindows() {
        int train = trainWindows();
        if (train < 2) {
            return 0;
        }
        return Math.max(1, (int) Math.round(train * VALIDATION_SHARE));
    }

    public int fitWindows() {
        return trainWindows() - validationWindows();
    }

    /** Windows whose target is on or after the split date. */
    public int testWindows() {
        return values.length - firstTestTarget();
    }

    public int firstFitTarget() {
        return window;
    }

    public int firstValidationTarget() {
        return window + fitWindows();
    }

    public int firstTestTarget() {
        return Math.max(splitIndex, window);
    }

    /**
     * The scaler fitted on the training part.
     *
     * @throws IllegalStateException when no day lies before the split date
     */
    public MinMaxScaler scaler() {
        if (scaler == null) {
            throw new IllegalStateException("no day before the split date " + splitDate + " to fit the scaler on");
        }
        return scaler;
    }

    /** The scaled inputs of {@code count} windows from target {@code firstTarget} on, window after window. */
    public float[] scaledInputs(int firstTarget, int count) {
        checkTargets(firstTarget, count);
        float[] inputs = new float[count * window];
        for (int w = 0; w < count; w++) {
            int start = firstTarget + w - window;
            for (int i = 0; i < window; i++) {
                inputs[w * window + i] = (float) scaler().scale(values[start + i]);
            }
        }
        return inputs;
    }

    /** The scaled targets of {@code count} windows from target {@code firstTarget} on. */
    public float[] scaledTargets(int firstTarget, int count) {
        checkTargets(firstTarget, count);
        float[] targets = new float[count];
        for (int w = 0; w < count; w++) {
            targets[w] = (float) scaler().scale(values[firstTarget + w]);
        }
        return targets;
    }

    /** The targets in price units. */
    public double[] targets(int firstTarget, int count) {
        checkTargets(firstTarget, count);
        double[] targets = new double[count];
        System.arraycopy(values, firstTarget, targets, 0, count);
        return targets;
    }

    /** The naive forecast "tomorrow = today": each window's last value, in price units. */
    public double[] naive(int firstTarget, int count) {
        checkTargets(firstTarget, count);
        double[] naive = new double[count];
        System.arraycopy(values, firstTarget - 1, naive, 0, count);
        return naive;
    }

    public List<LocalDate> targetDates(int firstTarget, int count) {
        checkTargets(firstTarget, count);
        return dates.subList(firstTarget, firstTarget + count);
    }

    /** The scaled last {@code window} values: the input that forecasts the day after the series. */
    public float[] scaledLastWindow() {
        if (values.length < window) {
            throw new IllegalStateException("the series has " + values.length + " days, fewer than the window");
        }
        float[] inputs = new float[window];
        for (int i = 0; i < window; i++) {
            inputs[i] = (float) scaler().scale(values[values.length - window + i]);
        }
        return inputs;
    }

    private void checkTargets(int firstTarget, int count) {
        if (count < 0 || firstTarget < window || firstTarget + count > values.length) {
            throw new IndexOutOfBoundsException("windows with targets " + firstTarget + " to "
                    + (firstTarget + count - 1) + " do not fit a series of " + values.length + " days with window "
                    + window);
        }
    }
}
