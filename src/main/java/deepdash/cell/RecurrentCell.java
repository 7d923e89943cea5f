package deepdash.cell;

import java.util.List;

/**
 * How one kind of recurrent layer turns a time step's input and the state it carries into the next
 * state, in plain Java from the saved parameters, keeping every gate on the way.
 */
public interface RecurrentCell {

    /** The kind's title: {@code LSTM}, {@code GRU}, {@code SimpleRNN}. */
    String title();

    /** The gates {@link #step} returns, in the order shown. */
    List<String> gateNames();

    /** Whether the cell carries a state of its own besides the hidden state (the LSTM's {@code c}). */
    boolean hasCellState();

    /** The fused weights' row blocks. */
    int gates();

    /** The step's formulas, one a line, as the page prints them beside the diagram. */
    List<String> formulas();

    /** The diagram of the cell under {@code /static/img/}. */
    String diagram();

    /**
     * One time step.
     *
     * @param x the step's inputs
     * @param hidden the hidden state carried from the step before (zeros at the first)
     * @param cell the cell state carried from the step before (zeros at the first); ignored without one
     */
    CellStep step(RecurrentWeights weights, double[] x, double[] hidden, double[] cell);

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
