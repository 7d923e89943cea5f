package deepdash.model;

import deepdash.i18n.Text;
import deepdash.prices.DatasetService;
import deepdash.prices.DatasetSource;
import deepdash.prices.ParsedPrices;
import deepdash.series.DefaultRange;
import deepdash.series.Recipe;
import deepdash.series.WindowedSeries;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A series forecaster's run settings (the seed's LSTM and its recurrent cousins): the dataset and
 * its windowing, then the training. The server checks them against the dataset before it creates
 * a run, and the worker resolves them again on the run's copy of the same file to rebuild the same
 * windows, so both always agree.
 *
 * <p>Defaults: the target is {@code Adj Close} when present, else {@code Close}; the date range and
 * split of {@link DefaultRange} (the seed's 2015-01-01 to 2023-12-31 split on 2022-01-01 when the
 * file covers it, else its last seven years split at 80%); when the range is given but the split is
 * not, 2022-01-01 when the range spans it, else the date 80% of the way through the rows; a window
 * of 5 days; the seed's recipe, one day ahead; 20 epochs of batch 32, Adam at 0.001.
 *
 * @param dataset the id of an uploaded dataset, or of the bundled sample
 * @param target the column to forecast
 * @param window how many days each input holds
 * @param from the first day used, {@code YYYY-MM-DD}
 * @param to the last day used
 * @param splitDate the first day whose value belongs to the test set
 * @param recipe {@code seed} or {@code returns} ({@link Recipe}); absent in run.json files from
 *     before recipes, which read as {@code seed}
 * @param horizon how many business days ahead: 1, 5 or 20; absent (older files) reads as 1
 */
public record SeriesSettings(Integer epochs, Integer batchSize, Double learningRate, String device, String dataset,
        String target, Integer window, String from, String to, String splitDate, String recipe, Integer horizon)
        implements ModelSettings {

    /** The horizons offered: a day, a week and a month of business days. One model per horizon. */
    public static final List<Integer> HORIZONS = List.of(1, 5, 20);
    public static final int DEFAULT_HORIZON = 1;

    public static final int DEFAULT_WINDOW = 5;
    public static final int MIN_WINDOW = 2;
    public static final int MAX_WINDOW = 365;
    public static final int DEFAULT_EPOCHS = 20;
    public static final int DEFAULT_BATCH_SIZE = 32;
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final LocalDate SEED_SPLIT_DATE = LocalDate.of(2022, 1, 1);
    /** Where the default split falls when the range does not span the seed's: after 80% of the rows. */
    public static final double DEFAULT_TRAIN_SHARE = 0.8;
    /** One window to fit and one to validate. */
    public static final int MIN_TRAIN_WINDOWS = 2;
    public static final int MIN_TEST_WINDOWS = 1;

    /**
     * Checked settings and the windows they make.
     *
     * @param settings what the run record stores; the worker resolves it again to the same windows
     */
    public record Resolved(SeriesSettings settings, WindowedSeries series) {
    }

    /** Settings for {@code dataset} with everything else left to the defaults. */
    public static SeriesSettings forDataset(String dataset) {
        return new SeriesSettings(null, null, null, null, dataset, null, null, null, null, null, null, null);
    }

    /** The dataset must exist; then {@link #resolve} checks the rest against its prices. */
    @Override
    public SeriesSettings check(DatasetSource datasets) {
        if (SettingsChecks.isBlank(dataset)) {
            throw new InvalidRunConfigException("dataset", Text.of("error.series.dataset_required",
                    DatasetService.SAMPLE_ID));
        }
        ParsedPrices prices = datasets.prices(dataset).orElseThrow(() -> new InvalidRunConfigException("dataset",
                Text.of("error.dataset.not_found", dataset)));
        return resolve(prices).settings();
    }

    /**
     * Checks these settings against {@code prices}.
     *
     * @throws InvalidRunConfigException naming the first bad field; when the range, window and split
     *     leave too few training or test windows, the message gives the counts
     */
    public Resolved resolve(ParsedPrices prices) {
        int checkedEpochs = SettingsChecks.epochs(epochs, DEFAULT_EPOCHS);
        int checkedBatchSize = SettingsChecks.batchSize(batchSize, DEFAULT_BATCH_SIZE);
        double checkedLearningRate = SettingsChecks.learningRate(learningRate, DEFAULT_LEARNING_RATE);
        String checkedDevice = SettingsChecks.device(device);
        Recipe checkedRecipe = SettingsChecks.isBlank(recipe) ? Recipe.DEFAULT
                : Recipe.byWireName(recipe.trim()).orElseThrow(() -> new InvalidRunConfigException("recipe",
                        Text.of("error.settings.one_of", Recipe.wireNames(), recipe)));
        int checkedHorizon = SettingsChecks.orDefault(horizon, DEFAULT_HORIZON);
        if (!HORIZONS.contains(checkedHorizon)) {
            throw new InvalidRunConfigException("horizon", Text.of("error.series.horizon", HORIZONS, checkedHorizon));
        }
        DefaultRange defaults = DefaultRange.of(prices.dates());

        String column = SettingsChecks.isBlank(target) ? prices.defaultTarget()
                : prices.columnName(target).orElseThrow(() -> new InvalidRunConfigException("target",
                        Text.of("error.dataset.no_column", target, String.join(", ", prices.columns()))));

        LocalDate first = date("from", from, defaults.from());
        LocalDate last = date("to", to, defaults.to());
        if (!first.isBefore(last)) {
            throw new InvalidRunConfigException("to", Text.of("error.series.to_before_from", first, last));
        }
        List<LocalDate> dates = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        double[] columnValues = prices.column(column);
        for (int i = 0; i < prices.rows(); i++) {
            LocalDate day = prices.dates().get(i);
            if (!day.isBefore(first) && !day.isAfter(last)) {
                dates.add(day);
                values.add(columnValues[i]);
            }
        }
        if (dates.isEmpty()) {
            throw new InvalidRunConfigException("from", Text.of("error.series.no_days", first, last, prices.from(),
                    prices.to()));
        }

        int checkedWindow = SettingsChecks.intInRange("window", SettingsChecks.orDefault(window, DEFAULT_WINDOW),
                MIN_WINDOW, MAX_WINDOW);
        boolean rangeGiven = !SettingsChecks.isBlank(from) || !SettingsChecks.isBlank(to);
        LocalDate split = !SettingsChecks.isBlank(splitDate) ? date("splitDate", splitDate, null)
                : rangeGiven ? defaultSplitDate(dates) : defaults.splitDate();
        if (checkedRecipe == Recipe.RETURNS) {
            for (int i = 0; i < values.size(); i++) {
                if (!(values.get(i) > 0)) {
                    throw new InvalidRunConfigException("recipe", Text.of("error.series.returns_positive", column,
                            values.get(i), dates.get(i)));
                }
            }
        }

        WindowedSeries series = new WindowedSeries(dates, values.stream().mapToDouble(Double::doubleValue).toArray(),
                checkedWindow, split, checkedRecipe, checkedHorizon);
        if (series.trainWindows() < MIN_TRAIN_WINDOWS || series.testWindows() < MIN_TEST_WINDOWS) {
            throw new InvalidRunConfigException("splitDate", Text.of("error.series.too_few_windows", dates.size(),
                    dates.get(0), dates.get(dates.size() - 1), checkedWindow, checkedHorizon, split,
                    series.trainWindows(), series.testWindows(), MIN_TRAIN_WINDOWS, MIN_TEST_WINDOWS));
        }
        SeriesSettings checked = new SeriesSettings(checkedEpochs, checkedBatchSize, checkedLearningRate,
                checkedDevice, dataset, column, checkedWindow, first.toString(), last.toString(), split.toString(),
                checkedRecipe.wireName(), checkedHorizon);
        return new Resolved(checked, series);
    }

    /**
     * What a run on {@code prices} gets when nothing is changed; when even that is refused (a range
     * too short for the defaults), the default range and split unchecked, so a form still opens and
     * pressing Train then shows the counts.
     */
    public static SeriesSettings defaultsFor(String dataset, ParsedPrices prices) {
        try {
            return forDataset(dataset).resolve(prices).settings();
        } catch (InvalidRunConfigException tooShort) {
            DefaultRange range = DefaultRange.of(prices.dates());
            return new SeriesSettings(DEFAULT_EPOCHS, DEFAULT_BATCH_SIZE, DEFAULT_LEARNING_RATE,
                    SettingsChecks.DEFAULT_DEVICE, dataset, prices.defaultTarget(), DEFAULT_WINDOW,
                    range.from().toString(), range.to().toString(), range.splitDate().toString(),
                    Recipe.DEFAULT.wireName(), DEFAULT_HORIZON);
        }
    }

    /** The recipe these settings name; the seed's when they name none (or, read leniently, an unknown one). */
    public Recipe recipeOrDefault() {
        return recipe == null ? Recipe.DEFAULT : Recipe.byWireName(recipe.trim()).orElse(Recipe.DEFAULT);
    }

    /** The horizon in business days; 1 when none is named. */
    public int horizonOrDefault() {
        return horizon == null ? DEFAULT_HORIZON : horizon;
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

    /** The run keeps a copy of its dataset ({@code prices.csv}): it reads nothing outside its folder. */
    @Override
    public String copiedDataset() {
        return dataset;
    }

    /** The dataset and the column it forecasts. */
    @Override
    public String dataLabel() {
        if (dataset == null) {
            return null;
        }
        return target == null ? dataset : dataset + " · " + target;
    }

    @Override
    public String datasetName() {
        return dataset == null ? "" : dataset;
    }

    @Override
    public List<Text> summaryParts() {
        List<Text> parts = new ArrayList<>();
        if (window != null) {
            parts.add(Text.of("settings.window", window));
        }
        if (recipeOrDefault() != Recipe.DEFAULT) {
            parts.add(ModelSettings.raw(recipeOrDefault().wireName()));
        }
        if (horizonOrDefault() != DEFAULT_HORIZON) {
            parts.add(Text.of("settings.daysAhead", horizonOrDefault()));
        }
        return parts;
    }

    @Override
    public Map<String, Text> details() {
        Map<String, Text> details = new LinkedHashMap<>();
        details.put("window", ModelSettings.raw(window));
        details.put("from", ModelSettings.raw(from));
        details.put("to", ModelSettings.raw(to));
        details.put("splitDate", ModelSettings.raw(splitDate));
        details.put("recipe", ModelSettings.raw(recipeOrDefault().wireName()));
        details.put("horizon", Text.of(horizonOrDefault() == 1 ? "setting.days.one" : "setting.days",
                horizonOrDefault()));
        return details;
    }

    private static LocalDate date(String field, String text, LocalDate fallback) {
        if (SettingsChecks.isBlank(text)) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRunConfigException(field, Text.of("error.form.date", text));
        }
    }
}
