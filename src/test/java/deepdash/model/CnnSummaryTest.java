package deepdash.model;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.engine.EngineSettings;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CnnSummaryTest {

    private static ModelSummary summary;

    @BeforeAll
    static void summarize() {
        EngineSettings.applyToThisProcess();
        summary = SummaryBuilder.summarize("cnn", CnnArchitecture.SEED.newBlock(), CnnArchitecture.INPUT_SHAPE, null);
    }

    @Test
    void hasTheSeedsTotalOf60554Parameters() {
        assertThat(summary.totalParams()).isEqualTo(60_554);
        assertThat(summary.trainableParams()).isEqualTo(60_554);
        assertThat(summary.nonTrainableParams()).isZero();
    }

    @Test
    void hasOneRowPerKerasLayerWithItsCountAndArithmetic() {
        List<LayerSummary> layers = summary.layers();
        assertThat(layers).extracting(LayerSummary::name).containsExactly("conv2d", "max_pooling2d", "conv2d_1",
                "max_pooling2d_1", "conv2d_2", "max_pooling2d_2", "flatten", "dense", "dense_1");
        assertThat(layers).extracting(LayerSummary::params)
                .containsExactly(320L, 0L, 18_496L, 0L, 36_928L, 0L, 0L, 4_160L, 650L);
        assertThat(layers.get(0).formula()).isEqualTo("3x3x1x32+32 = 320");
        assertThat(layers.get(2).formula()).isEqualTo("3x3x32x64+64 = 18,496");
        assertThat(layers.get(4).formula()).isEqualTo("3x3x64x64+64 = 36,928");
        assertThat(layers.get(7).formula()).isEqualTo("64x(64+1) = 4,160");
        assertThat(layers.get(8).formula()).isEqualTo("10x(64+1) = 650");
    }

    @Test
    void foldsActivationsIntoTheirLayerAndShowsOutputShapes() {
        assertThat(summary.layers().get(0).type()).isEqualTo("Conv2D + ReLU");
        assertThat(summary.layers().get(0).outputShape()).isEqualTo("(N, 32, 26, 26)");
        assertThat(summary.layers().get(5).outputShape()).isEqualTo("(N, 64, 1, 1)");
        assertThat(summary.layers().get(8).type()).isEqualTo("Dense");
        assertThat(summary.layers().get(8).outputShape()).isEqualTo("(N, 10)");
    }
}
