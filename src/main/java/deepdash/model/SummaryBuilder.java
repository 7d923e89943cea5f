package deepdash.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.RecurrentBlock;
import ai.djl.util.Pair;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a Keras-style summary from a DJL sequential block: it initializes the block for the input
 * shape, then walks its children, reading each one's output shape and parameter shapes. Nothing in
 * the summary is typed in; change the block and the summary follows.
 *
 * <p>DJL keeps activations as separate blocks, where Keras folds them into the layer
 * ({@code Conv2D(32, activation='relu')}); the builder folds them back so the rows line up with
 * the seed's summary. The same goes for the block that keeps a recurrent layer's last time step,
 * which Keras does inside {@code LSTM(16)}.
 */
public final class SummaryBuilder {

    private static final NumberFormat THOUSANDS = NumberFormat.getIntegerInstance(Locale.US);

    /**
     * How Keras names and counts the recurrent layers of a block.
     *
     * @param type Keras's layer type, e.g. {@code SimpleRNN}
     * @param djlType the DJL block it stands for, e.g. {@code RNN}
     * @param gates how many gates the layer has (1, 3 or 4)
     * @param bothBiases whether Keras keeps MXNet's two bias vectors per gate (GRU with
     *     {@code reset_after=True}) or one (LSTM, SimpleRNN)
     */
    public record KerasLayer(String type, String djlType, int gates, boolean bothBiases) {
    }

    private SummaryBuilder() {
    }

    /** Must run on the MXNet thread (or in a worker process): it initializes the block. */
    public static ModelSummary summarize(String model, Block block, Shape inputShape, String note) {
        return summarize(model, block, inputShape, note, null);
    }

    /**
     * @param keras how Keras names and counts the block's recurrent layers; null: by DJL's class
     *     name, one bias per gate
     */
    public static ModelSummary summarize(String model, Block block, Shape inputShape, String note,
            KerasLayer keras) {
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, inputShape);
            List<LayerSummary> rows = new ArrayList<>();
            Map<String, Integer> namesUsed = new HashMap<>();
            Shape[] shapes = new Shape[] {inputShape};
            long frozen = 0;
            for (Pair<String, Block> child : block.getChildren()) {
                Block layer = child.getValue();
                Shape in = shapes[0];
                shapes = layer.getOutputShapes(shapes);
                String activation = activationName(layer);
                if (activation != null && !rows.isEmpty()) {
                    LayerSummary last = rows.remove(rows.size() - 1);
                    rows.add(new LayerSummary(last.name(), last.type() + " + " + activation,
                            describe(shapes[0]), last.params(), last.formula(), last.multiplyAdds()));
                    continue;
                }
                String kerasType = kerasType(layer, keras);
                String name = kerasName(kerasType, namesUsed);
                long params = countParameters(layer);
                frozen += countFrozenParameters(layer);
                rows.add(new LayerSummary(name, kerasType, describe(shapes[0]), params,
                        formula(layer, params, keras), multiplyAdds(layer, in, shapes[0])));
            }
            long total = rows.stream().mapToLong(LayerSummary::params).sum();
            long multiplyAdds = rows.stream().mapToLong(LayerSummary::multiplyAdds).sum();
            return new ModelSummary(model, describe(inputShape), List.copyOf(rows), total, total - frozen, frozen,
                    kerasParameterCount(block, keras), note, multiplyAdds);
        }
    }

    static long countParameters(Block layer) {
        long sum = 0;
        for (Pair<String, Parameter> parameter : layer.getParameters()) {
            sum += parameter.getValue().getArray().getShape().size();
        }
        return sum;
    }

    /** Parameters that gradients do not change: a batch normalisation's running mean and variance. */
    static long countFrozenParameters(Block layer) {
        long sum = 0;
        for (Pair<String, Parameter> parameter : layer.getParameters()) {
            if (!parameter.getValue().requiresGradient()) {
                sum += parameter.getValue().getArray().getShape().size();
            }
        }
        return sum;
    }

    /** What {@link LayerSummary#multiplyAdds()} counts, from the layer's weights and its input and output shapes. */
    static long multiplyAdds(Block layer, Shape in, Shape out) {
        if (layer instanceof Convolution) {
            Shape weight = parameterShape(layer, "weight");
            long outputs = 1;
            for (int i = 1; i < out.dimension(); i++) {
                outputs *= out.get(i);
            }
            // outputs = out_h x out_w x out_c; each sums k x k x in_c products.
            return outputs * weight.get(1) * weight.get(2) * weight.get(3);
        }
        if (layer instanceof Linear) {
            Shape weight = parameterShape(layer, "weight");
            return weight.get(0) * weight.get(1);
        }
        if (layer instanceof RecurrentBlock) {
            Shape i2h = parameterShape(layer, "i2h_weight");
            Shape h2h = parameterShape(layer, "h2h_weight");
            long steps = in.get(1);
            return steps * (i2h.get(0) * i2h.get(1) + h2h.get(0) * h2h.get(1));
        }
        return 0;
    }

    private static String formula(Block layer, long params, KerasLayer keras) {
        if (params == 0) {
            return "no weights";
        }
        if (layer instanceof Convolution) {
            Shape weight = parameterShape(layer, "weight");
            // DJL stores conv weights as (filters, channels, kh, kw); the formula reads as Keras's kh x kw x in x out + out.
            long filters = weight.get(0);
            return String.format("%dx%dx%dx%d+%d = %s", weight.get(2), weight.get(3), weight.get(1), filters,
                    filters, THOUSANDS.format(params));
        }
        if (layer instanceof Linear) {
            Shape weight = parameterShape(layer, "weight");
            return String.format("%dx(%d+1) = %s", weight.get(0), weight.get(1), THOUSANDS.format(params));
        }
        if (layer instanceof BatchNorm) {
            long channels = parameterShape(layer, "gamma").get(0);
            return String.format("4x%d = %s (gamma, beta trained; running mean, variance not)", channels,
                    THOUSANDS.format(params));
        }
        if (layer instanceof RecurrentBlock) {
            // MXNet packs a recurrent layer's g gates: i2h weight (g*h, in), h2h weight (g*h, h), and two
            // bias vectors (g*h each; DJL names them l_0_i2h_BIAS and l_0_h2h_BIAS).
            Shape i2h = parameterShape(layer, "i2h_weight");
            Shape h2h = parameterShape(layer, "h2h_weight");
            long units = h2h.get(1);
            long gates = h2h.get(0) / units;
            long inputs = i2h.get(1);
            long kerasBiases = bothBiases(keras) ? 2 : 1;
            return String.format("%dx%dx(%d+%d+2) = %s (Keras: %dx%dx(%d+%d+%d) = %s)", gates, units, inputs, units,
                    THOUSANDS.format(params), gates, units, inputs, units, kerasBiases,
                    THOUSANDS.format(kerasParameters(layer, keras)));
        }
        List<String> parts = new ArrayList<>();
        for (Pair<String, Parameter> parameter : layer.getParameters()) {
            parts.add(parameter.getValue().getArray().getShape().toString());
        }
        return String.join(" + ", parts) + " = " + THOUSANDS.format(params);
    }

    /**
     * What Keras would count for the same layers: the same as DJL except for recurrent layers where
     * Keras keeps one bias per gate and MXNet two (the h2h bias, gates x units, is not in Keras). The
     * block must be initialized ({@link #summarize} does that).
     */
    public static long kerasParameterCount(Block block, KerasLayer keras) {
        long sum = 0;
        for (Pair<String, Block> child : block.getChildren()) {
            sum += kerasParameters(child.getValue(), keras);
        }
        return sum;
    }

    private static long kerasParameters(Block layer, KerasLayer keras) {
        long params = countParameters(layer);
        if (layer instanceof RecurrentBlock && !bothBiases(keras)) {
            params -= parameterShape(layer, "h2h_bias").size();
        }
        return params;
    }

    private static boolean bothBiases(KerasLayer keras) {
        return keras != null && keras.bothBiases();
    }

    private static Shape parameterShape(Block layer, String suffix) {
        // DJL's own names vary in case between layers (Linear's "weight", LSTM's "l_0_i2h_WEIGHT").
        String wanted = suffix.toLowerCase(Locale.ROOT);
        for (Pair<String, Parameter> parameter : layer.getParameters()) {
            if (parameter.getKey().toLowerCase(Locale.ROOT).endsWith(wanted)) {
                return parameter.getValue().getArray().getShape();
            }
        }
        throw new IllegalStateException(layer + " has no parameter named *" + suffix);
    }

    private static String activationName(Block layer) {
        if (layer instanceof LambdaBlock lambda) {
            String name = lambda.getName().toLowerCase(Locale.ROOT);
            if (name.contains("relu")) {
                return "ReLU";
            }
            if (name.contains("sigmoid")) {
                return "Sigmoid";
            }
            if (name.contains("tanh")) {
                return "Tanh";
            }
            if (lambda.getName().equals(RecurrentArchitecture.LAST_TIME_STEP)) {
                // Keras's recurrent layers without return_sequences do this inside the layer.
                return "last time step";
            }
        }
        return null;
    }

    private static String kerasType(Block layer, KerasLayer keras) {
        if (layer instanceof Convolution) {
            return "Conv2D";
        }
        if (layer instanceof Linear) {
            return "Dense";
        }
        if (layer instanceof RecurrentBlock) {
            return keras != null ? keras.type() : layer.getClass().getSimpleName();
        }
        if (layer instanceof BatchNorm) {
            return "BatchNormalization";
        }
        if (layer instanceof Dropout) {
            return "Dropout";
        }
        if (layer instanceof LambdaBlock lambda) {
            String name = lambda.getName().toLowerCase(Locale.ROOT);
            if (name.contains("maxpool")) {
                return "MaxPooling2D";
            }
            if (name.contains("globalavgpool")) {
                return "GlobalAveragePooling2D";
            }
            if (name.contains("avgpool")) {
                return "AveragePooling2D";
            }
            if (name.contains("flatten")) {
                return "Flatten";
            }
            return lambda.getName();
        }
        return layer.getClass().getSimpleName();
    }

    /** Keras's default layer names: the type in snake case ({@code MaxPooling2D}: {@code max_pooling2d}), numbered. */
    private static String kerasName(String type, Map<String, Integer> namesUsed) {
        String base = type.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        int seen = namesUsed.merge(base, 1, Integer::sum) - 1;
        return seen == 0 ? base : base + "_" + seen;
    }

    private static String describe(Shape shape) {
        StringBuilder text = new StringBuilder("(N");
        for (int i = 1; i < shape.dimension(); i++) {
            text.append(", ").append(shape.get(i));
        }
        return text.append(')').toString();
    }
}
