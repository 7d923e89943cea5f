package deepdash.forecast;

import deepdash.runs.RunQuery;
import deepdash.runs.RunService;
import deepdash.runs.RunStore;
import deepdash.runs.RunView;
import java.util.Optional;
import java.util.Set;

/** Finds LSTM runs and the forecasts their workers wrote. The server never computes a forecast itself. */
public final class ForecastService {

    private final RunService runs;
    private final RunStore store;

    public ForecastService(RunService runs, RunStore store) {
        this.runs = runs;
        this.store = store;
    }

    /**
     * The run's forecast; empty until its worker has written one (and always for CNN runs).
     *
     * @throws deepdash.runs.RunNotFoundException when there is no such run
     */
    public Optional<Forecast> forecast(String runId) {
        runs.view(runId);
        return ForecastFiles.read(store.folder(runId));
    }

    /** The newest LSTM run, if any. */
    public Optional<RunView> latestRun() {
        return runs.list(new RunQuery(LstmRunSettings.MODEL, Set.of(), 0, 1)).runs().stream().findFirst();
    }

    /** Why a run has no forecast, in words for the 404. */
    public String whyNoForecast(String runId) {
        RunView run = runs.view(runId);
        if (!LstmRunSettings.MODEL.equals(run.model())) {
            return "run " + runId + " trained the " + run.model() + " model, which makes no price forecast";
        }
        if (run.isFinished()) {
            return "run " + runId + " ended " + run.status().wireName() + " without a forecast"
                    + (run.reason() == null ? "" : ": " + run.reason());
        }
        return "run " + runId + " has no forecast yet: it is " + run.status().wireName()
                + "; the forecast is written when training ends";
    }
}
