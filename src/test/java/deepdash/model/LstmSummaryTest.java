package deepdash.model;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.engine.EngineSettings;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed's LSTM as DJL builds it: its real parameter count, and how it differs from Keras's. */
class LstmSummaryTest {

    private static ModelSummary summary;

    @BeforeAll
    static void summarize() {
        EngineSettings.applyToThisProcess();
        summary = new LstmSpec().summarize(5);
    }

    @Test
    void hasDjlsRealTotalOf7697Parameters() {
        assertThat(summary.totalParams()).isEqualTo(7_697);
        assertThat(summary.trainableParams()).isEqualTo(7_697);
        assertThat(summary.nonTrainableParams()).isZero();
    }

    @Test
    void hasOneRowPerKerasLayerWithItsCount() {
        List<LayerSummary> layers = summary.layers();
        assertThat(layers).extracting(LayerSummary::name).containsExactly("lstm", "lstm_1", "dense");
        assertThat(layers).extracting(LayerSummary::params).containsExactly(4_480L, 3_200L, 17L);
        assertThat(layers).extracting(LayerSummary::outputShape).containsExactly("(N, 5, 32)", "(N, 16)", "(N, 1)");
        assertThat(layers.get(1).type()).isEqualTo("LSTM + last time step");
        assertThat(layers.get(2).type()).isEqualTo("Dense + Sigmoid");
        assertThat(summary.inputShape()).isEqualTo("(N, 5, 1)");
    }

    @Test
    void showsTheArithmeticOfBothCountsPerLayer() {
        List<LayerSummary> layers = summary.layers();
        assertThat(layers.get(0).formula()).isEqualTo("4x32x(1+32+2) = 4,480 (Keras: 4x32x(1+32+1) = 4,352)");
        assertThat(layers.get(1).formula()).isEqualTo("4x16x(32+16+2) = 3,200 (Keras: 4x16x(32+16+1) = 3,136)");
        assertThat(layers.get(2).formula()).isEqualTo("1x(16+1) = 17");
    }

    @Test
    void explainsTheDifferenceFromKerassCount() {
        assertThat(summary.note()).contains("7,697", "7,505", "two bias vectors per gate");
    }

    @Test
    void theWindowChangesShapesButNotCounts() {
        ModelSummary longer = new LstmSpec().summarize(30);
        assertThat(longer.totalParams()).isEqualTo(7_697);
        assertThat(longer.layers().get(0).outputShape()).isEqualTo("(N, 30, 32)");
    }
}
