package deepdash.cell;

import java.util.List;
import java.util.Map;

/**
 * The plain recurrent step with tanh, as {@code deepdash.model.RnnSpec} builds it:
 * {@code h' = tanh(W_ih x + b_ih + W_hh h + b_hh)}. No gates: the whole state is rewritten at every step.
 */
public final class RnnCell implements RecurrentCell {

    @Override
    public String title() {
        return "SimpleRNN";
    }

    @Override
    public List<String> gateNames() {
        return List.of();
    }

    @Override
    public boolean hasCellState() {
        return false;
    }

    @Override
    public int gates() {
        return 1;
    }

    @Override
    public List<String> formulas() {
        return List.of("h' = tanh(W_ih x + b_ih + W_hh h + b_hh)   hidden state, fed back at the next step");
    }

    @Override
    public String diagram() {
        return "/static/img/rnn-cell.svg";
    }

    @Override
    public CellStep step(RecurrentWeights w, double[] x, double[] hidden, double[] cell) {
        double[] a = w.inputPart(0, x);
        double[] b = w.statePart(0, hidden);
        double[] next = new double[w.units()];
        for (int u = 0; u < next.length; u++) {
            next[u] = Math.tanh(a[u] + b[u]);
        }
        return new CellStep(Map.of(), null, next);
    }
}
