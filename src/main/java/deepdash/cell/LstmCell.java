package deepdash.cell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The LSTM step. MXNet's fused rows are [input, forget, candidate, output]:
 * {@code i = σ(W_ii x + b_ii + W_hi h + b_hi)}, the same for {@code f} and {@code o},
 * {@code g = tanh(W_ig x + b_ig + W_hg h + b_hg)}, {@code c' = f * c + i * g}, {@code h' = o * tanh(c')}.
 */
public final class LstmCell implements RecurrentCell {

    public static final String INPUT = "input";
    public static final String FORGET = "forget";
    public static final String OUTPUT = "output";
    public static final String CANDIDATE = "candidate";

    @Override
    public String title() {
        return "LSTM";
    }

    @Override
    public List<String> gateNames() {
        return List.of(INPUT, FORGET, OUTPUT, CANDIDATE);
    }

    @Override
    public boolean hasCellState() {
        return true;
    }

    @Override
    public int gates() {
        return 4;
    }

    @Override
    public List<String> formulas() {
        return List.of("i = σ(W_ii x + b_ii + W_hi h + b_hi)   input gate",
                "f = σ(W_if x + b_if + W_hf h + b_hf)   forget gate",
                "o = σ(W_io x + b_io + W_ho h + b_ho)   output gate",
                "g = tanh(W_ig x + b_ig + W_hg h + b_hg)   candidate",
                "c' = f ⊙ c + i ⊙ g   cell state",
                "h' = o ⊙ tanh(c')   hidden state");
    }

    @Override
    public String diagram() {
        return "/static/img/lstm-cell.svg";
    }

    @Override
    public CellStep step(RecurrentWeights w, double[] x, double[] hidden, double[] cell) {
        int units = w.units();
        double[] input = new double[units];
        double[] forget = new double[units];
        double[] candidate = new double[units];
        double[] output = new double[units];
        double[][] raw = new double[4][];
        for (int gate = 0; gate < 4; gate++) {
            double[] a = w.inputPart(gate, x);
            double[] b = w.statePart(gate, hidden);
            for (int u = 0; u < units; u++) {
                a[u] += b[u];
            }
            raw[gate] = a;
        }
        double[] nextCell = new double[units];
        double[] nextHidden = new double[units];
        for (int u = 0; u < units; u++) {
            input[u] = RecurrentCell.sigmoid(raw[0][u]);
            forget[u] = RecurrentCell.sigmoid(raw[1][u]);
            candidate[u] = Math.tanh(raw[2][u]);
            output[u] = RecurrentCell.sigmoid(raw[3][u]);
            nextCell[u] = forget[u] * cell[u] + input[u] * candidate[u];
            nextHidden[u] = output[u] * Math.tanh(nextCell[u]);
        }
        Map<String, double[]> gates = new LinkedHashMap<>();
        gates.put(INPUT, input);
        gates.put(FORGET, forget);
        gates.put(OUTPUT, output);
        gates.put(CANDIDATE, candidate);
        return new CellStep(gates, nextCell, nextHidden);
    }
}
