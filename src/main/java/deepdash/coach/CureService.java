package deepdash.coach;

import deepdash.i18n.Text;
import deepdash.model.CnnSettings;
import deepdash.model.CnnSpec;
import deepdash.model.InvalidRunConfigException;
import deepdash.model.ModelRegistry;
import deepdash.model.ModelSpec;
import deepdash.protocol.RunStatus;
import deepdash.runs.RunConflictException;
import deepdash.runs.RunService;
import deepdash.runs.RunView;
import java.util.List;

/**
 * "Try the seed's cure": from a completed CNN run, two new runs with the same settings (and the same
 * seed, which every worker uses): one with dropout {@value #DROPOUT} after each hidden dense layer,
 * one with early stopping after {@value #PATIENCE} epochs without a lower val_loss. They queue like any
 * other run; the page that starts them opens compare when both have finished.
 */
public final class CureService {

    /** The seed's suggestion: a quarter of the dense layer's outputs dropped while training. */
    public static final double DROPOUT = 0.25;
    /** Early stopping's patience when the run had none. */
    public static final int PATIENCE = 2;

    private final RunService runs;
    private final ModelRegistry models;

    public CureService(RunService runs, ModelRegistry models) {
        this.runs = runs;
        this.models = models;
    }

    /** One cure run: what was changed, and the run. */
    public record CureRun(String cure, RunView run) {
    }

    /**
     * Starts the two cure runs.
     *
     * @throws deepdash.runs.RunNotFoundException when there is no such run
     * @throws RunConflictException when the run is not a completed CNN run, or its network has no
     *     hidden dense layer to put dropout after
     */
    public List<CureRun> tryCures(String runId) {
        RunView run = runs.view(runId);
        if (!CnnSpec.NAME.equals(run.model())) {
            throw new RunConflictException(Text.of("error.cures.not_cnn", runId, run.model()));
        }
        if (run.status() != RunStatus.COMPLETED) {
            throw new RunConflictException(Text.of("error.cures.not_completed", runId, run.status().wireName()));
        }
        ModelSpec spec = models.find(CnnSpec.NAME).orElseThrow();
        CnnSettings settings = (CnnSettings) spec.settings(run.config());
        CnnSettings dropout;
        try {
            dropout = settings.withDenseDropout(DROPOUT);
        } catch (InvalidRunConfigException noDenseLayer) {
            throw new RunConflictException(Text.of("error.cures.no_dense", runId));
        }
        CnnSettings earlyStopping = settings.patience() != null ? settings : settings.withPatience(PATIENCE);
        return List.of(
                new CureRun("dropout " + DROPOUT + " after the dense layer", runs.create(spec.config(dropout))),
                new CureRun("early stopping, patience " + earlyStopping.patience(),
                        runs.create(spec.config(earlyStopping))));
    }
}
