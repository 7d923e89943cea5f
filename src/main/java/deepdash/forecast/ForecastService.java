package deepdash.forecast;

import deepdash.errors.UserError;
import deepdash.i18n.Text;
import deepdash.model.ModelRegistry;
import deepdash.model.ModelSpec;
import deepdash.model.Task;
import deepdash.runs.RunQuery;
import deepdash.runs.RunService;
import deepdash.runs.RunStore;
import deepdash.runs.RunView;
import deepdash.series.Forecast;
import deepdash.series.ForecastFiles;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the runs of forecasting models and the forecasts their workers wrote. The server never
 * computes a forecast itself, and it asks the registry which models forecast.
 */
public final class ForecastService {

    private final RunService runs;
    private final RunStore store;
    private final ModelRegistry models;

    public ForecastService(RunService runs, RunStore store, ModelRegistry models) {
        this.runs = runs;
        this.store = store;
        this.models = models;
    }

    /**
     * The run's forecast; empty until its worker has written one (and always for models that do not forecast).
     *
     * @throws deepdash.runs.RunNotFoundException when there is no such run
     */
    public Optional<Forecast> forecast(String runId) {
        runs.view(runId);
        return ForecastFiles.read(store.folder(runId));
    }

    /** The run's forecast with the words the page shows, naming its model. */
    public Optional<ForecastResultView> result(String runId) {
        RunView run = runs.view(runId);
        return forecast(runId).map(forecast -> new ForecastResultView(runId, models.title(run.model()), forecast));
    }

    /** The newest run of any forecasting model, if any. */
    public Optional<RunView> latestRun() {
        return models.byTask(Task.SERIES_FORECAST).stream()
                .map(ModelSpec::name)
                .flatMap(model -> runs.list(new RunQuery(model, Set.of(), 0, 1)).runs().stream())
                .max(Comparator.comparing(RunView::id));
    }

    /** The 404 for a run without a forecast, saying why it has none. */
    public UserError noForecast(String runId) {
        return UserError.notFound("id", whyNoForecast(runId));
    }

    private Text whyNoForecast(String runId) {
        RunView run = runs.view(runId);
        if (!models.isForecast(run.model())) {
            return Text.of("error.forecast.no_forecast_model", runId, run.model());
        }
        Text status = Text.of("status." + run.status().wireName());
        if (run.isFinished()) {
            return run.reason() == null ? Text.of("error.forecast.ended_without", runId, status)
                    : Text.of("error.forecast.ended_without_because", runId, status, run.reasonText() != null
                            ? run.reasonText() : run.reason());
        }
        return Text.of("error.forecast.not_yet", runId, status);
    }
}
