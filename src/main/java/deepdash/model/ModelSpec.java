package deepdash.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import deepdash.protocol.RunConfig;

/**
 * Everything DeepDash knows about one model, in one place: its name and title, its task, the metric
 * that judges it, its settings record, its block and its summary. The server and the worker both
 * ask a {@link ModelRegistry} for specs; nothing else switches on a model's name. How a model of a
 * task is trained lives in the worker ({@code deepdash.training}), chosen by {@link #task()}.
 */
public interface ModelSpec {

    /** What runs and the API call it: {@code cnn}, {@code lstm}. */
    String name();

    /** What people read: {@code CNN}, {@code LSTM}. */
    String title();

    Task task();

    /** The metric charted and ranked besides the loss, and whether higher is better. */
    KeyMetric keyMetric();

    /** The record its settings are read into. */
    Class<? extends ModelSettings> settingsType();

    /** A new, uninitialized block with the model's default layers. */
    Block newBlock();

    /**
     * A new, uninitialized block with the layers these (checked) settings ask for; the same as
     * {@link #newBlock()} for models whose layers are fixed.
     */
    default Block newBlock(ModelSettings settings) {
        return newBlock();
    }

    /** The shape of one input (batch size 1) for inputs of {@code window} steps; image models ignore it. */
    Shape inputShape(int window);

    /**
     * The layer-by-layer summary for inputs of {@code window} steps (image models ignore it). Must
     * run on the MXNet thread or in a worker: it initializes a block.
     */
    ModelSummary summarize(int window);

    /** The summary of the layers these (checked) settings ask for; must run on the MXNet thread too. */
    default ModelSummary summarize(ModelSettings settings, int window) {
        return summarize(window);
    }

    /** The settings of a requested run: fields this model does not take, or of the wrong type, are refused. */
    default ModelSettings read(RunConfig requested) {
        return SettingsReader.strict(name(), requested.settings(), settingsType());
    }

    /** The settings of a stored run, read leniently (a file from another version must still list). */
    default ModelSettings settings(RunConfig stored) {
        return SettingsReader.lenient(stored.settings(), settingsType());
    }

    /** The run config for these settings of this model. */
    default RunConfig config(ModelSettings settings) {
        return RunConfig.of(name(), settings);
    }
}
