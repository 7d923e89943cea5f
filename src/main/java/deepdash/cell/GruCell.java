package deepdash.cell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GRU step as MXNet computes it (rows [reset, update, new], the reset gate applied after the
 * recurrent product, like Keras's {@code reset_after=True}):
 * {@code r = σ(W_ir x + b_ir + W_hr h + b_hr)}, {@code z = σ(W_iz x + b_iz + W_hz h + b_hz)},
 * {@code n = tanh(W_in x + b_in + r * (W_hn h + b_hn))}, {@code h' = (1 - z) * n + z * h}.
 */
public final class GruCell implements RecurrentCell {

    public static final String RESET = "reset";
    public static final String UPDATE = "update";
    public static final String CANDIDATE = "candidate";

    @Override
    public String title() {
        return "GRU";
    }

    @Override
    public List<String> gateNames() {
        return List.of(UPDATE, RESET, CANDIDATE);
    }

    @Override
    public boolean hasCellState() {
        return false;
    }

    @Override
    public int gates() {
        return 3;
    }

    @Override
    public List<String> formulas() {
        return List.of("z = σ(W_iz x + b_iz + W_hz h + b_hz)   update gate",
                "r = σ(W_ir x + b_ir + W_hr h + b_hr)   reset gate",
                "n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))   candidate",
                "h' = (1 − z) ⊙ n + z ⊙ h   hidden state");
    }

    @Override
    public String diagram() {
        return "/static/img/gru-cell.svg";
    }

    @Override
    public CellStep step(RecurrentWeights w, double[] x, double[] hidden, double[] cell) {
        int units = w.units();
        double[] resetIn = w.inputPart(0, x);
        double[] resetState = w.statePart(0, hidden);
        double[] updateIn = w.inputPart(1, x);
        double[] updateState = w.statePart(1, hidden);
        double[] newIn = w.inputPart(2, x);
        double[] newState = w.statePart(2, hidden);
        double[] reset = new double[units];
        double[] update = new double[units];
        double[] candidate = new double[units];
        double[] next = new double[units];
        for (int u = 0; u < units; u++) {
            reset[u] = RecurrentCell.sigmoid(resetIn[u] + resetState[u]);
            update[u] = RecurrentCell.sigmoid(updateIn[u] + updateState[u]);
            candidate[u] = Math.tanh(newIn[u] + reset[u] * newState[u]);
            next[u] = (1 - update[u]) * candidate[u] + update[u] * hidden[u];
        }
        Map<String, double[]> gates = new LinkedHashMap<>();
        gates.put(UPDATE, update);
        gates.put(RESET, reset);
        gates.put(CANDIDATE, candidate);
        return new CellStep(gates, null, next);
    }
}
