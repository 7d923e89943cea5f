package deepdash.series;

import java.time.LocalDate;
import java.util.List;

/**
 * One price column cut into windows, the seed's way: the last {@code window} days predict the value
 * {@code horizon} days after the last of them. Windows are named by the index of their target day
 * {@code t}; the last day the window knows (its origin) is {@code t - horizon}.
 *
 * <p>A window belongs to the test set when its target date is on or after the split date, else to
 * training. The last {@value #VALIDATION_SHARE} of the training windows, in time order, validate
 * (as Keras's {@code validation_split} does); the rest are fitted. Test windows may look back into
 * training days: that is history a forecaster has on the day, not a leak.
 *
 * <p>What a window holds depends on the {@link Recipe}. {@link Recipe#SEED}: the prices
 * {@code values[t - horizon - window + 1] .. values[t - horizon]} through a {@link MinMaxScaler},
 * and the target is the scaled price. {@link Recipe#RETURNS}: the daily log returns of those days
 * through a {@link Standardization}, and the target is the standardised log return from the
 * origin to the target day; the forecast price is the origin's price times {@code exp} of it.
 *
 * <p>Unlike the seed, the scaler and the standardisation are fitted on the training part only:
 * every value up to the last training target ({@code values[0] .. values[splitIndex - 1]}), which
 * holds every value any training window reads. Nothing on or after the split date touches them.
 */
public final class WindowedSeries {

    /** The share of training windows kept for validation, the seed's {@code validation_split=0.2}. */
    public static final double VALIDATION_SHARE = 0.2;

    private final List<LocalDate> dates;
    private final double[] values;
    private final int window;
    private final LocalDate splitDate;
    private final Recipe recipe;
    private final int horizon;
    private final int splitIndex;
    private final MinMaxScaler scaler;
    private final double[] returns;
    private final Standardization standardization;

    /** The seed's recipe, one day ahead. */
    public WindowedSeries(List<LocalDate> dates, double[] values, int window, LocalDate splitDate) {
        this(dates, values, window, splitDate, Recipe.SEED, 1);
    }

    /**
     * @param dates the trading days, ascending, one per value
     * @param values the target column's values
     * @param window how many days each window holds, at least 1
     * @param splitDate the first day whose target belongs to the test set
     * @param recipe what the windows hold and what the model's output means
     * @param horizon how many trading days after a window's last day its target is, at least 1
     */
    public WindowedSeries(List<LocalDate> dates, double[] values, int window, LocalDate splitDate, Recipe recipe,
            int horizon) {
        if (dates.size() != values.length) {
            throw new IllegalArgumentException(dates.size() + " dates for " + values.length + " values");
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
        }
        this.dates = List.copyOf(dates);
        this.values = values.clone();
        this.window = window;
        this.splitDate = splitDate;
        this.recipe = recipe;
        this.horizon = horizon;
        int index = 0;
        while (index < this.dates.size() && this.dates.get(index).isBefore(splitDate)) {
            index++;
        }
        this.splitIndex = index;
        this.scaler = index > 0 ? MinMaxScaler.fit(this.values, 0, index) : null;
        if (recipe == Recipe.RETURNS) {
            this.returns = Standardization.logReturns(this.values);
            // returns[i] belongs to day i; day 0 has none.
            this.standardization = index > 1 ? Standardization.fit(returns, 1, index) : null;
        } else {
            this.returns = null;
            this.standardization = null;
        }
    }

    public int window() {
        return window;
    }

    public LocalDate splitDate() {
        return splitDate;
    }

    public Recipe recipe() {
        return recipe;
    }

    public int horizon() {
        return horizon;
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

    /** The first possible target: its window, and for returns the day before it, must fit. */
    private int earliestTarget() {
        return window + horizon - 1 + recipe.lookBack();
    }

    /** Windows whose target is before the split date (fitted and validation windows together). */
    public int trainWindows() {
        return Math.max(0, splitIndex - earliestTarget());
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
        return Math.max(0, values.length - firstTestTarget());
    }

    public int firstFitTarget() {
        return earliestTarget();
    }

    public int firstValidationTarget() {
        return earliestTarget() + fitWindows();
    }

    public int firstTestTarget() {
        return Math.max(splitIndex, earliestTarget());
    }

    /**
     * The scaler fitted on the training part; both recipes report their errors in its units too.
     *
     * @throws IllegalStateException when no day lies before the split date
     */
    public MinMaxScaler scaler() {
        if (scaler == null) {
            throw new IllegalStateException("no day before the split date " + splitDate + " to fit the scaler on");
        }
        return scaler;
    }

    /**
     * The returns recipe's constants, fitted on the training part; null for the seed's recipe.
     *
     * @throws IllegalStateException for returns when fewer than two days lie before the split date
     */
    public Standardization standardization() {
        if (recipe == Recipe.RETURNS && standardization == null) {
            throw new IllegalStateException("fewer than two days before the split date " + splitDate
                    + " to fit the returns' mean and deviation on");
        }
        return standardization;
    }

    /** The model's inputs for {@code count} windows from target {@code firstTarget} on, window after window. */
    public float[] scaledInputs(int firstTarget, int count) {
        checkTargets(firstTarget, count);
        float[] inputs = new float[count * window];
        for (int w = 0; w < count; w++) {
            int origin = firstTarget + w - horizon;
            for (int i = 0; i < window; i++) {
                inputs[w * window + i] = input(origin - window + 1 + i);
            }
        }
        return inputs;
    }

    /** The model's targets for {@code count} windows from target {@code firstTarget} on. */
    public float[] scaledTargets(int firstTarget, int count) {
        checkTargets(firstTarget, count);
        float[] targets = new float[count];
        for (int w = 0; w < count; w++) {
            int target = firstTarget + w;
            targets[w] = (float) (recipe == Recipe.RETURNS
                    ? standardization().standardizeTarget(Math.log(values[target] / values[target - horizon]),
                            horizon)
                    : scaler().scale(values[target]));
        }
        return targets;
    }

    /** The price the model's output for the window with target {@code target} stands for. */
    public double price(int target, double output) {
        checkTargets(target, 1);
        return toPrice(values[target - horizon], output);
    }

    /** The price the model's output for {@link #scaledLastWindow()} stands for. */
    public double nextPrice(double output) {
        return toPrice(values[values.length - 1], output);
    }

    private double toPrice(double originPrice, double output) {
        return recipe == Recipe.RETURNS ? standardization().price(originPrice, output, horizon)
                : scaler().inverse(output);
    }

    /** The targets in price units. */
    public double[] targets(int firstTarget, int count) {
        checkTargets(firstTarget, count);
        double[] targets = new double[count];
        System.arraycopy(values, firstTarget, targets, 0, count);
        return targets;
    }

    /** The naive forecast "the target day = the window's last day", in price units. */
    public double[] naive(int firstTarget, int count) {
        checkTargets(firstTarget, count);
        double[] naive = new double[count];
        System.arraycopy(values, firstTarget - horizon, naive, 0, count);
        return naive;
    }

    public List<LocalDate> targetDates(int firstTarget, int count) {
        checkTargets(firstTarget, count);
        return dates.subList(firstTarget, firstTarget + count);
    }

    /** The model's input for the last {@code window} days: it forecasts {@code horizon} days after the series. */
    public float[] scaledLastWindow() {
        if (values.length < window + recipe.lookBack()) {
            throw new IllegalStateException("the series has " + values.length + " days, fewer than the window");
        }
        float[] inputs = new float[window];
        for (int i = 0; i < window; i++) {
            inputs[i] = input(values.length - window + i);
        }
        return inputs;
    }

    /** Day {@code day}'s value in the model's units. */
    private float input(int day) {
        return (float) (recipe == Recipe.RETURNS ? standardization().standardize(returns[day])
                : scaler().scale(values[day]));
    }

    private void checkTargets(int firstTarget, int count) {
        if (count < 0 || firstTarget < earliestTarget() || firstTarget + count > values.length) {
            throw new IndexOutOfBoundsException("windows with targets " + firstTarget + " to "
                    + (firstTarget + count - 1) + " do not fit a series of " + values.length + " days with window "
                    + window + " and horizon " + horizon);
        }
    }
}
