package deepdash.cell;

/**
 * One recurrent layer's saved parameters, copied out of MXNet as they lie in its fused RNN op:
 * every gate's rows stacked, gate after gate, in the order the layer's {@link RecurrentCell} names.
 * MXNet keeps two bias vectors per gate, one added to the input product ({@code i2h}) and one to
 * the recurrent product ({@code h2h}).
 *
 * @param units the layer's state size
 * @param inputs the values each time step brings in
 * @param gates how many row blocks the fused weights hold (1 for a plain RNN, 3 for a GRU, 4 for an LSTM)
 * @param inputWeights {@code (gates * units, inputs)}, row-major
 * @param stateWeights {@code (gates * units, units)}, row-major
 * @param inputBias {@code gates * units}
 * @param stateBias {@code gates * units}
 */
public record RecurrentWeights(int units, int inputs, int gates, float[] inputWeights, float[] stateWeights,
        float[] inputBias, float[] stateBias) {

    public RecurrentWeights {
        int rows = gates * units;
        if (inputWeights.length != rows * inputs || stateWeights.length != rows * units
                || inputBias.length != rows || stateBias.length != rows) {
            throw new IllegalArgumentException("parameters do not fit " + gates + " gates of " + units
                    + " units with " + inputs + " inputs");
        }
    }

    /** Gate {@code gate}'s input product plus its input bias: {@code W_i x + b_i}, one value per unit. */
    double[] inputPart(int gate, double[] x) {
        double[] out = new double[units];
        for (int u = 0; u < units; u++) {
            int row = gate * units + u;
            double sum = inputBias[row];
            for (int k = 0; k < inputs; k++) {
                sum += inputWeights[row * inputs + k] * x[k];
            }
            out[u] = sum;
        }
        return out;
    }

    /** Gate {@code gate}'s recurrent product plus its recurrent bias: {@code W_h h + b_h}, one value per unit. */
    double[] statePart(int gate, double[] h) {
        double[] out = new double[units];
        for (int u = 0; u < units; u++) {
            int row = gate * units + u;
            double sum = stateBias[row];
            for (int k = 0; k < units; k++) {
                sum += stateWeights[row * units + k] * h[k];
            }
            out[u] = sum;
        }
        return out;
    }
}
