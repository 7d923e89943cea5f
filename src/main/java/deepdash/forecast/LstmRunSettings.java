package deepdash.forecast;

import deepdash.model.ModelSummaryService;
import deepdash.prices.ParsedPrices;
import deepdash.protocol.RunConfig;
import deepdash.runs.InvalidRunConfigException;
import deepdash.runs.RunConfigValidator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks an LSTM run's settings against its price data and fills in the defaults. The server
 * calls it before it creates a run, and the worker calls it again on the same file to rebuild the
 * same windows, so both always agree.
 *
 * <p>Defaults: the target is {@code Adj Close} when present, else {@code Close}; the whole date
 * range; a window of 5 days; the split date 2022-01-01 (the seed's) when the range spans it, else
 * the date 80% of the way through the rows; 20 epochs of batch 32, Adam at 0.001.
 */
public final class LstmRunSettings {

    public static final String MODEL = "lstm";
    public static final int DEFAULT_WINDOW = 5;
    public static final int MIN_WINDOW = ModelSummaryService.MIN_WINDOW;
    public static final int MAX_WINDOW = ModelSummaryService.MAX_WINDOW;
    public static final int DEFAULT_EPOCHS = 20;
    public static final int DEFAULT_BATCH_SIZE = 32;
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final LocalDate SEED_SPLIT_DATE = LocalDate.of(2022, 1, 1);
    /** Where the default split falls when the range does not span the seed's: after 80% of the rows. */
    public static final double DEFAULT_TRAIN_SHARE = 0.8;
    /** One window to fit and one to validate. */
    public static final int MIN_TRAIN_WINDOWS = 2;
    public static final int MIN_TEST_WINDOWS = 1;

    private static final Set<String> DEVICES = Set.of("auto", "cpu", "gpu");

    private LstmRunSettings() {
    }

    /**
     * A checked run: its settings with every default filled in, and the windows they make.
     *
     * @param config what the run record stores; the worker resolves it again to the same windows
     */
    public record Resolved(RunConfig config, WindowedSeries series) {
    }

    /**
     * Checks {@code requested} against {@code prices}.
     *
     * @throws InvalidRunConfigException naming the first bad field; when the range, window and split
     *     leave too few training or test windows, the message gives the counts
     */
    public static Resolved resolve(RunConfig requested, ParsedPrices prices) {
        int epochs = RunConfigValidator.intInRange("epochs", orDefault(requested.epochs(), DEFAULT_EPOCHS), 1, 1000);
        int batchSize = RunConfigValidator.intInRange("batchSize",
                orDefault(requested.batchSize(), DEFAULT_BATCH_SIZE), 1, 4096);
        double learningRate = requested.learningRate() == null ? DEFAULT_LEARNING_RATE : requested.learningRate();
        if (!Double.isFinite(learningRate) || learningRate <= 0 || learningRate > 1) {
            throw new InvalidRunConfigException("learningRate", "must be a number above 0 and at most 1, got "
                    + requested.learningRate());
        }
        if (requested.trainLimit() != null) {
            throw new InvalidRunConfigException("trainLimit", "applies to MNIST runs only; an LSTM run uses the "
                    + "date range (from, to) instead");
        }
        String device = isBlank(requested.device()) ? "auto" : requested.device();
        if (!DEVICES.contains(device)) {
            throw new InvalidRunConfigException("device", "must be auto, cpu or gpu, got \"" + device + "\"");
        }

        String target = isBlank(requested.target()) ? prices.defaultTarget()
                : prices.columnName(requested.target()).orElseThrow(() -> new InvalidRunConfigException("target",
                        "the dataset has no column \"" + requested.target() + "\"; its columns are "
                                + String.join(", ", prices.columns())));

        LocalDate from = date("from", requested.from(), prices.from());
        LocalDate to = date("to", requested.to(), prices.to());
        if (!from.isBefore(to)) {
            throw new InvalidRunConfigException("to", "must be after from (" + from + "), got " + to);
        }
        List<LocalDate> dates = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        double[] column = prices.column(target);
        for (int i = 0; i < prices.rows(); i++) {
            LocalDate day = prices.dates().get(i);
            if (!day.isBefore(from) && !day.isAfter(to)) {
                dates.add(day);
                values.add(column[i]);
            }
        }
        if (dates.isEmpty()) {
            throw new InvalidRunConfigException("from", "no day of the dataset lies between " + from + " and " + to
                    + "; the dataset covers " + prices.from() + " to " + prices.to());
        }

        int window = RunConfigValidator.intInRange("window", orDefault(requested.window(), DEFAULT_WINDOW),
                MIN_WINDOW, MAX_WINDOW);
        LocalDate split = isBlank(requested.splitDate()) ? defaultSplitDate(dates)
                : date("splitDate", requested.splitDate(), null);

        WindowedSeries series = new WindowedSeries(dates, values.stream().mapToDouble(Double::doubleValue).toArray(),
                window, split);
        if (series.trainWindows() < MIN_TRAIN_WINDOWS || series.testWindows() < MIN_TEST_WINDOWS) {
            throw new InvalidRunConfigException("splitDate", "the " + dates.size() + " days from " + dates.get(0)
                    + " to " + dates.get(dates.size() - 1) + " with a window of " + window + " days and split date "
                    + split + " make " + series.trainWindows() + " training windows and " + series.testWindows()
                    + " test windows; training needs at least " + MIN_TRAIN_WINDOWS
                    + " (one to fit, one to validate) and the test at least " + MIN_TEST_WINDOWS
                    + ". Move the split date, widen the date range or shorten the window.");
        }
        RunConfig config = new RunConfig(MODEL, epochs, batchSize, learningRate, null, device, requested.dataset(),
                target, window, from.toString(), to.toString(), split.toString());
        return new Resolved(config, series);
    }

    /**
     * The split date when the user gives none: 2022-01-01 when it falls after the first day and on or
     * before the last, else the day 80% of the way through.
     */
    public static LocalDate defaultSplitDate(List<LocalDate> dates) {
        if (dates.get(0).isBefore(SEED_SPLIT_DATE) && !dates.get(dates.size() - 1).isBefore(SEED_SPLIT_DATE)) {
            return SEED_SPLIT_DATE;
        }
        return dates.get(Math.min(dates.size() - 1, (int) Math.floor(dates.size() * DEFAULT_TRAIN_SHARE)));
    }

    private static LocalDate date(String field, String text, LocalDate fallback) {
        if (isBlank(text)) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRunConfigException(field, "must be a date as YYYY-MM-DD, got \"" + text + "\"");
        }
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
