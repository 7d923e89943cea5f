package deepdash.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import deepdash.protocol.RunConfig;

/** A CNN on MNIST digits: the seed tutorial's network, or one edited from it (see {@link CnnArchitecture}). */
public final class CnnSpec implements ModelSpec {

    public static final String NAME = "cnn";
    static final String NOTE = "Shapes are DJL's channels-first (N, channels, height, width); Keras shows the "
            + "same layers channels-last, e.g. (None, 26, 26, 32). Parameter counts are identical.";

    /** A CNN run with these settings. */
    public static RunConfig runConfig(CnnSettings settings) {
        return RunConfig.of(NAME, settings);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "CNN";
    }

    @Override
    public Task task() {
        return Task.IMAGE_CLASSIFICATION;
    }

    @Override
    public KeyMetric keyMetric() {
        return KeyMetric.ACCURACY;
    }

    @Override
    public Class<CnnSettings> settingsType() {
        return CnnSettings.class;
    }

    /** A requested run: a {@code preset} (see {@link CnnPreset}) fills the settings left out, then they are read. */
    @Override
    public ModelSettings read(RunConfig requested) {
        return SettingsReader.strict(NAME, CnnPreset.resolve(requested.settings()), CnnSettings.class);
    }

    @Override
    public Block newBlock() {
        return CnnArchitecture.SEED.newBlock();
    }

    /** The run's own network: the recorded architecture, or the seed's for runs without one. */
    @Override
    public Block newBlock(ModelSettings settings) {
        return ((CnnSettings) settings).network().newBlock();
    }

    @Override
    public Shape inputShape(int window) {
        return CnnArchitecture.INPUT_SHAPE;
    }

    @Override
    public ModelSummary summarize(int window) {
        return summarize(CnnArchitecture.SEED);
    }

    @Override
    public ModelSummary summarize(ModelSettings settings, int window) {
        return summarize(((CnnSettings) settings).network());
    }

    /** The summary of a checked architecture, computed from its DJL block. */
    public static ModelSummary summarize(CnnArchitecture architecture) {
        return SummaryBuilder.summarize(NAME, architecture.newBlock(), CnnArchitecture.INPUT_SHAPE, NOTE);
    }
}
