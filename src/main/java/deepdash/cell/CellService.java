package deepdash.cell;

import deepdash.engine.MxnetDispatcher;
import deepdash.i18n.Text;
import deepdash.model.ModelRegistry;
import deepdash.model.ModelSpec;
import deepdash.model.SeriesSettings;
import deepdash.model.Task;
import deepdash.prices.ParsedPrices;
import deepdash.prices.PriceCsvParser;
import deepdash.protocol.RunFolder;
import deepdash.protocol.RunStatus;
import deepdash.runs.RunConflictException;
import deepdash.runs.RunService;
import deepdash.runs.RunStore;
import deepdash.runs.RunView;
import deepdash.series.Forecast;
import deepdash.series.ForecastFiles;
import deepdash.web.BadRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks inside a completed recurrent price model: rebuilds a test day's window from the run's own
 * copy of its prices, and walks it through the trained layers step by step in plain Java, keeping
 * every gate, the cell state and the hidden state.
 *
 * <p>Only loading the parameters touches MXNet, on the server's one {@link MxnetDispatcher} thread;
 * they are copied out as arrays there and the model is closed at once. The copies of the last few
 * runs looked at are kept (a completed run's parameters never change): a few tens of KB each.
 */
public final class CellService {

    /** How many runs' parameters stay in memory. */
    public static final int CACHED_NETWORKS = 4;

    private final MxnetDispatcher mxnet;
    private final RunService runs;
    private final RunStore store;
    private final ModelRegistry models;
    private final Map<String, SavedNetwork> networks = new LinkedHashMap<>(CACHED_NETWORKS + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SavedNetwork> eldest) {
            return size() > CACHED_NETWORKS;
        }
    };

    public CellService(MxnetDispatcher mxnet, RunService runs, RunStore store, ModelRegistry models) {
        this.mxnet = mxnet;
        this.runs = runs;
        this.store = store;
        this.models = models;
    }

    /**
     * The test days of a run that can be looked inside, in order.
     *
     * @throws deepdash.runs.RunNotFoundException when there is no such run
     * @throws RunConflictException when the run is not a completed recurrent forecaster with its files
     */
    public List<LocalDate> testDays(String runId) {
        return windows(checkedRun(runId), runId).days();
    }

    /**
     * One test day's walk through the network.
     *
     * @param dateText {@code YYYY-MM-DD}, one of {@link #testDays}; null or blank for the last test day
     * @throws BadRequestException (field {@code date}) when the date is malformed or not a test day
     * @throws deepdash.runs.RunNotFoundException when there is no such run
     * @throws RunConflictException when the run is not a completed recurrent forecaster with its files
     */
    public CellTrace trace(String runId, String dateText) {
        return look(runId, dateText).trace();
    }

    /**
     * The Cell page of a run: its test days and one day's walk.
     *
     * @see #trace
     */
    public CellPageView page(String runId, String dateText) {
        Look look = look(runId, dateText);
        return new CellPageView(runId, models.title(look.trace().model()), look.days(), look.trace(), look.cell());
    }

    private record Look(CellTrace trace, List<LocalDate> days, RecurrentCell cell) {
    }

    private Look look(String runId, String dateText) {
        RunView run = checkedRun(runId);
        LocalDate requested = parseDate(dateText);
        TestWindows windows = windows(run, runId);
        List<LocalDate> days = windows.days();
        TestWindows.DayWindow day = windows.window(requested == null ? days.get(days.size() - 1) : requested);
        SavedNetwork network = network(run, runId);
        SeriesSettings settings = (SeriesSettings) models.settings(run.config());
        SavedNetwork.Trace trace = network.run(day.inputs(), settings.recipeOrDefault().sigmoidHead());
        Optional<Forecast> recorded = ForecastFiles.read(store.folder(runId));
        Double recordedForecast = recorded.filter(f -> f.predicted().length > day.testIndex()
                        && day.date().equals(f.dates().get(day.testIndex())))
                .map(f -> f.predicted()[day.testIndex()]).orElse(null);
        RecurrentCell cell = network.cell();
        CellTrace result = new CellTrace(runId, run.model(), cell.title(), day.date(), cell.gateNames(),
                day.inputDates(), day.inputs(), day.inputPrices(), trace.layers(), day.price(trace.output()),
                trace.output(), recordedForecast, day.actual(), settings.target());
        return new Look(result, days, cell);
    }

    /** Parses {@code YYYY-MM-DD}; null for null or blank. */
    static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("date", Text.of("error.form.date", text));
        }
    }

    private RunView checkedRun(String runId) {
        RunView run = runs.view(runId);
        Optional<ModelSpec> spec = models.find(run.model());
        if (spec.isEmpty() || spec.get().task() != Task.SERIES_FORECAST
                || !(spec.get().settingsType() == SeriesSettings.class)) {
            throw new RunConflictException(Text.of("error.cell.not_recurrent", runId, run.model()));
        }
        if (run.status() != RunStatus.COMPLETED) {
            throw new RunConflictException(Text.of("error.cell.not_completed", runId, run.status().wireName()));
        }
        RunFolder folder = store.folder(runId);
        if (!folder.hasParameters(run.model())) {
            throw new RunConflictException(Text.of("error.cell.no_model", runId));
        }
        if (!Files.isRegularFile(folder.pricesFile())) {
            throw new RunConflictException(Text.of("error.cell.no_prices", runId, RunFolder.PRICES_FILE));
        }
        return run;
    }

    private TestWindows windows(RunView run, String runId) {
        SeriesSettings settings = (SeriesSettings) models.settings(run.config());
        return TestWindows.rebuild(settings, prices(store.folder(runId)));
    }

    private static ParsedPrices prices(RunFolder folder) {
        try {
            return new PriceCsvParser().parse(Files.readAllBytes(folder.pricesFile()), RunFolder.PRICES_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder.pricesFile(), e);
        }
    }

    private SavedNetwork network(RunView run, String runId) {
        synchronized (networks) {
            SavedNetwork cached = networks.get(runId);
            if (cached != null) {
                return cached;
            }
        }
        ModelSpec spec = models.find(run.model()).orElseThrow();
        SeriesSettings settings = (SeriesSettings) models.settings(run.config());
        SavedNetwork loaded = mxnet.call(() -> NetworkLoader.load(spec, settings, store.folder(runId).modelDir(),
                runId));
        synchronized (networks) {
            networks.put(runId, loaded);
        }
        return loaded;
    }
}
