package deepdash.cell;

import java.util.ArrayList;
import java.util.List;

/**
 * A trained price model's parameters as plain Java arrays: its stacked recurrent layers, then the
 * dense layer on the last step's hidden state, and the seed recipe's sigmoid (the returns recipe's head is linear; see
 * {@code deepdash.model.RecurrentArchitecture}). Holds no native memory; {@link #run} redoes the
 * network's forward pass step by step and keeps every gate.
 *
 * @param cell the kind of every recurrent layer
 * @param layers the recurrent layers, first (nearest the input) first
 * @param denseWeights the dense layer's weights, one per unit of the last recurrent layer
 * @param denseBias the dense layer's bias
 */
public record SavedNetwork(RecurrentCell cell, List<RecurrentWeights> layers, float[] denseWeights, float denseBias) {

    public SavedNetwork {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("no recurrent layer");
        }
        if (denseWeights.length != layers.get(layers.size() - 1).units()) {
            throw new IllegalArgumentException("the dense layer has " + denseWeights.length + " weights for "
                    + layers.get(layers.size() - 1).units() + " units");
        }
    }

    /** Every layer's steps and the network's output, in scaled units. */
    public record Trace(List<CellLayer> layers, double output) {
    }

    /**
     * Runs one window through the network.
     *
     * @param inputs one value per time step (the scaled price), oldest first
     */
    public Trace run(float[] inputs, boolean sigmoidHead) {
        int features = layers.get(0).inputs();
        if (inputs.length % features != 0) {
            throw new IllegalArgumentException(inputs.length + " inputs for " + features + " features a step");
        }
        int steps = inputs.length / features;
        List<double[]> sequence = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            double[] x = new double[features];
            for (int k = 0; k < features; k++) {
                x[k] = inputs[t * features + k];
            }
            sequence.add(x);
        }
        List<CellLayer> traced = new ArrayList<>();
        for (RecurrentWeights layer : layers) {
            double[] hidden = new double[layer.units()];
            double[] cellState = new double[layer.units()];
            List<CellStep> walked = new ArrayList<>();
            List<double[]> outputs = new ArrayList<>();
            for (double[] x : sequence) {
                CellStep step = cell.step(layer, x, hidden, cellState);
                hidden = step.hidden();
                if (step.cell() != null) {
                    cellState = step.cell();
                }
                walked.add(step);
                outputs.add(hidden);
            }
            traced.add(new CellLayer(layer.units(), List.copyOf(walked)));
            sequence = outputs;
        }
        double[] last = sequence.get(sequence.size() - 1);
        double z = denseBias;
        for (int u = 0; u < last.length; u++) {
            z += denseWeights[u] * last[u];
        }
        // The seed's recipe ends in a sigmoid; the returns recipe's head is linear.
        return new Trace(List.copyOf(traced), sigmoidHead ? RecurrentCell.sigmoid(z) : z);
    }
}
