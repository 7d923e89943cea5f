package deepdash.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cell arithmetic on one unit with hand-picked parameters, each gate checked against the
 * formula worked by hand, and the fused rows read in MXNet's order. (CellApiTest checks the same
 * arithmetic against trained networks' forecasts.)
 */
class CellArithmeticTest {

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** One unit, one input: row g of the fused weights is gate g. */
    static RecurrentWeights oneUnit(int gates, float[] wx, float[] wh, float[] bx, float[] bh) {
        return new RecurrentWeights(1, 1, gates, wx, wh, bx, bh);
    }

    @Test
    void lstmRowsAreInputForgetCandidateOutput() {
        RecurrentWeights w = oneUnit(4, new float[] {1, 2, 3, 4}, new float[] {0.5f, -0.5f, 0.25f, 1},
                new float[] {0.1f, 0.2f, 0.3f, 0.4f}, new float[] {-0.1f, 0f, 0.1f, 0f});
        double x = 0.5;
        double h = 0.2;
        double c = -0.3;
        CellStep step = new LstmCell().step(w, new double[] {x}, new double[] {h}, new double[] {c});
        double i = sigmoid(1 * x + 0.1 + 0.5 * h - 0.1);
        double f = sigmoid(2 * x + 0.2 - 0.5 * h);
        double g = Math.tanh(3 * x + 0.3 + 0.25 * h + 0.1);
        double o = sigmoid(4 * x + 0.4 + 1 * h);
        assertThat(step.gates().keySet()).containsExactly("input", "forget", "output", "candidate");
        assertThat(step.gates().get("input")[0]).isCloseTo(i, within(1e-6));
        assertThat(step.gates().get("forget")[0]).isCloseTo(f, within(1e-6));
        assertThat(step.gates().get("candidate")[0]).isCloseTo(g, within(1e-6));
        assertThat(step.gates().get("output")[0]).isCloseTo(o, within(1e-6));
        assertThat(step.cell()[0]).isCloseTo(f * c + i * g, within(1e-6));
        assertThat(step.hidden()[0]).isCloseTo(o * Math.tanh(f * c + i * g), within(1e-6));
    }

    @Test
    void gruAppliesTheResetGateAfterTheRecurrentProduct() {
        RecurrentWeights w = oneUnit(3, new float[] {1, 2, 3}, new float[] {0.5f, -1, 2},
                new float[] {0.1f, 0.2f, 0.3f}, new float[] {0.4f, 0.5f, 0.6f});
        double x = -0.4;
        double h = 0.7;
        CellStep step = new GruCell().step(w, new double[] {x}, new double[] {h}, new double[] {0});
        double r = sigmoid(1 * x + 0.1 + 0.5 * h + 0.4);
        double z = sigmoid(2 * x + 0.2 - 1 * h + 0.5);
        double n = Math.tanh(3 * x + 0.3 + r * (2 * h + 0.6));
        assertThat(step.gates().keySet()).containsExactly("update", "reset", "candidate");
        assertThat(step.gates().get("reset")[0]).isCloseTo(r, within(1e-6));
        assertThat(step.gates().get("update")[0]).isCloseTo(z, within(1e-6));
        assertThat(step.gates().get("candidate")[0]).isCloseTo(n, within(1e-6));
        assertThat(step.hidden()[0]).isCloseTo((1 - z) * n + z * h, within(1e-6));
        assertThat(step.cell()).isNull();
    }

    @Test
    void aPlainRnnFeedsItsHiddenStateBackThroughTanh() {
        RecurrentWeights w = oneUnit(1, new float[] {1.5f}, new float[] {-0.5f}, new float[] {0.1f},
                new float[] {0.2f});
        SavedNetwork network = new SavedNetwork(new RnnCell(), List.of(w), new float[] {2}, -0.5f);
        SavedNetwork.Trace trace = network.run(new float[] {0.2f, 0.6f}, true);
        double h1 = Math.tanh(1.5 * 0.2 + 0.1 + 0.2);
        double h2 = Math.tanh(1.5 * 0.6 + 0.1 - 0.5 * h1 + 0.2);
        assertThat(trace.layers().get(0).steps()).hasSize(2);
        assertThat(trace.layers().get(0).steps().get(0).hidden()[0]).isCloseTo(h1, within(1e-6));
        assertThat(trace.layers().get(0).steps().get(1).hidden()[0]).isCloseTo(h2, within(1e-6));
        assertThat(trace.output()).isCloseTo(sigmoid(2 * h2 - 0.5), within(1e-6));
    }

    @Test
    void theReadingSaysWhatTheForgetGateDoes() {
        CellStep step = new CellStep(java.util.Map.of("input", new double[] {0.3}, "forget", new double[] {0.93},
                "output", new double[] {0.6}, "candidate", new double[] {0.1}), new double[] {0.2},
                new double[] {0.1});
        assertThat(CellReading.of(step, false)).contains("forget gate mean 0.93: the cell keeps most of what it "
                + "carried", "input gate mean 0.30: less than half of the candidate gets in");
        assertThat(CellReading.of(step, true)).contains("nothing is carried yet at the first step");
    }
}
