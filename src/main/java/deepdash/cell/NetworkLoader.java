package deepdash.cell;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.recurrent.RNN;
import ai.djl.nn.recurrent.RecurrentBlock;
import ai.djl.util.Pair;
import deepdash.i18n.Text;
import deepdash.model.ModelFiles;
import deepdash.model.ModelSettings;
import deepdash.model.ModelSpec;
import deepdash.runs.RunConflictException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads a run's saved parameters with DJL and copies them out as plain arrays. Must run on the
 * server's MXNet thread; the model is closed before it returns, so nothing native outlives the call.
 *
 * <p>Which arithmetic a layer needs is read off the block the model's spec builds (DJL's
 * {@link LSTM}, {@link GRU} or {@link RNN}), not off the model's name.
 */
final class NetworkLoader {

    private NetworkLoader() {
    }

    /** The cell arithmetic for a DJL recurrent layer; empty for any other block. */
    static Optional<RecurrentCell> cellOf(Block layer) {
        if (layer instanceof LSTM) {
            return Optional.of(new LstmCell());
        }
        if (layer instanceof GRU) {
            return Optional.of(new GruCell());
        }
        if (layer instanceof RNN) {
            // RnnSpec builds its layers with tanh, as Keras's SimpleRNN.
            return Optional.of(new RnnCell());
        }
        return Optional.empty();
    }

    /**
     * @throws RunConflictException when the model's block has no recurrent layer or no dense layer after it
     */
    static SavedNetwork load(ModelSpec spec, ModelSettings settings, Path modelDir, String runId) {
        try (Model model = Model.newInstance(spec.name(), Device.cpu())) {
            model.setBlock(spec.newBlock(settings));
            ModelFiles.load(model, modelDir);
            RecurrentCell cell = null;
            List<RecurrentWeights> layers = new ArrayList<>();
            float[] denseWeights = null;
            float denseBias = 0;
            for (Pair<String, Block> child : model.getBlock().getChildren()) {
                Block layer = child.getValue();
                Optional<RecurrentCell> kind = cellOf(layer);
                if (kind.isPresent()) {
                    cell = kind.get();
                    layers.add(recurrentWeights((RecurrentBlock) layer, cell.gates()));
                } else if (layer instanceof Linear linear && cell != null) {
                    for (Pair<String, Parameter> p : linear.getDirectParameters()) {
                        float[] values = p.getValue().getArray().toFloatArray();
                        if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                            denseWeights = values;
                        } else if (p.getValue().getType() == Parameter.Type.BIAS) {
                            denseBias = values[0];
                        }
                    }
                }
            }
            if (cell == null || denseWeights == null) {
                throw new RunConflictException(Text.of("error.cell.no_recurrent_layer", runId, spec.name()));
            }
            return new SavedNetwork(cell, layers, denseWeights, denseBias);
        }
    }

    /** One layer's four arrays, by DJL's names: {@code l_0_i2h_WEIGHT}, {@code l_0_h2h_BIAS}... */
    private static RecurrentWeights recurrentWeights(RecurrentBlock layer, int gates) {
        ParameterList parameters = layer.getDirectParameters();
        float[] inputWeights = null;
        float[] stateWeights = null;
        float[] inputBias = null;
        float[] stateBias = null;
        int inputs = -1;
        int units = -1;
        for (Pair<String, Parameter> p : parameters) {
            String name = p.getKey();
            if (!name.startsWith("l_0_")) {
                throw new IllegalStateException("expected one forward layer per block, found parameter " + name);
            }
            Parameter parameter = p.getValue();
            float[] values = parameter.getArray().toFloatArray();
            Shape shape = parameter.getArray().getShape();
            boolean weight = parameter.getType() == Parameter.Type.WEIGHT;
            if (name.contains("i2h")) {
                if (weight) {
                    inputWeights = values;
                    inputs = (int) shape.get(1);
                } else {
                    inputBias = values;
                }
            } else if (name.contains("h2h")) {
                if (weight) {
                    stateWeights = values;
                    units = (int) shape.get(1);
                } else {
                    stateBias = values;
                }
            }
        }
        if (inputWeights == null || stateWeights == null || inputBias == null || stateBias == null) {
            throw new IllegalStateException("a recurrent layer without its weights and both biases: "
                    + parameters.keys());
        }
        return new RecurrentWeights(units, inputs, gates, inputWeights, stateWeights, inputBias, stateBias);
    }
}
