package deepdash.coach;

import deepdash.i18n.Messages;
import deepdash.runs.RunService;
import deepdash.runs.RunView;
import deepdash.series.Forecast;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The coach's notes for a run, read from the run as {@link RunService} holds it (its epochs so far,
 * its test result once completed) and, for forecasting models, the forecast its worker wrote.
 * Nothing is stored: the notes follow the curves as they grow.
 */
public final class CoachService {

    private final RunService runs;
    private final Function<String, Optional<Forecast>> forecasts;

    /**
     * @param forecasts a run's forecast by run id, empty when it has none
     */
    public CoachService(RunService runs, Function<String, Optional<Forecast>> forecasts) {
        this.runs = runs;
        this.forecasts = forecasts;
    }

    /**
     * @throws deepdash.runs.RunNotFoundException when there is no such run
     */
    public List<Note> notes(String runId) {
        return notes(runId, Messages.ENGLISH);
    }

    /** The notes worded in {@code texts}' language. */
    public List<Note> notes(String runId, Messages texts) {
        RunView run = runs.view(runId);
        Forecast forecast = run.test() == null ? null : forecasts.apply(runId).orElse(null);
        return CurveCoach.notes(new CoachInput(run.epochs(), run.test(), forecast), texts);
    }
}
