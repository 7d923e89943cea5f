package deepdash.training;

import deepdash.model.ModelSettings;
import deepdash.model.ModelSpec;
import deepdash.protocol.RunFolder;
import deepdash.protocol.TestResult;
import java.util.function.BooleanSupplier;

/**
 * How the worker trains the models of one task: it turns the task's data into examples for the
 * {@link TrainingLoop} and keeps what the task leaves besides parameters (a forecast). Chosen by
 * {@link TrainingTasks} from the model's task, never from its name.
 */
public interface TaskTraining {

    /**
     * Trains {@code spec} with {@code settings} and returns its test result.
     *
     * @param settings checked settings of the task's record
     * @param folder where the parameters (and what else the task writes) are saved; null: nothing is saved
     * @param stopRequested asked before every batch; true ends the run with {@link TrainingLoop.Stopped}
     */
    TestResult train(ModelSpec spec, ModelSettings settings, RunFolder folder, TrainingListener listener, long seed,
            BooleanSupplier stopRequested);
}
