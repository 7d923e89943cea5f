package deepdash.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import deepdash.protocol.RunConfig;

/** The seed tutorial's CNN on MNIST digits (see {@link CnnArchitecture}). */
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

    @Override
    public Block newBlock() {
        return CnnArchitecture.newBlock();
    }

    @Override
    public Shape inputShape(int window) {
        return CnnArchitecture.INPUT_SHAPE;
    }

    @Override
    public ModelSummary summarize(int window) {
        return SummaryBuilder.summarize(NAME, newBlock(), CnnArchitecture.INPUT_SHAPE, NOTE);
    }
}
