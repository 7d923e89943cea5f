package deepdash.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import deepdash.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A CNN for 28x28 grey digits: 1 to 4 convolution blocks, a head that turns the last feature maps
 * into a vector (flatten, or global average pooling), 0 to 3 hidden dense layers, and the 10-way
 * output layer, which always follows. {@link #SEED} is the seed tutorial's network, layer for layer:
 * Conv2D(32) - MaxPool - Conv2D(64) - MaxPool - Conv2D(64) - MaxPool - Flatten - Dense(64) - Dense(10).
 * The softmax lives in the loss (softmax cross-entropy), as in the seed's {@code from_logits=True}.
 *
 * <p>A block is: convolution, optional batch normalisation, activation, optional pooling, optional
 * dropout. A hidden dense layer is: dense, ReLU, optional dropout. Values left out (null) take the
 * defaults that {@link #check()} fills in: stride 1, padding {@code valid}, activation {@code relu},
 * no batch normalisation, dropout 0, a pool's stride equal to its size (as in Keras).
 *
 * <p>Output sizes follow the seed's formula {@code (h - k + 2p) / s + 1}, rounded down, for
 * convolutions and pools alike (pools have no padding). MXNet pads both sides by the same amount, so
 * {@code same} padding is {@code (k - 1) / 2} and needs an odd kernel.
 *
 * @param head {@value #FLATTEN} or {@value #GLOBAL_AVERAGE}
 * @param dense the hidden dense layers, in order; the output layer is not listed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CnnArchitecture(List<ConvBlock> blocks, String head, List<DenseLayer> dense) {

    /** One grey 28x28 image, channels first as MXNet wants it. */
    public static final Shape INPUT_SHAPE = new Shape(1, 1, 28, 28);
    public static final int CLASSES = 10;
    public static final String FLATTEN = "flatten";
    public static final String GLOBAL_AVERAGE = "gap";
    public static final int MIN_BLOCKS = 1;
    public static final int MAX_BLOCKS = 4;
    public static final int MAX_DENSE = 3;
    public static final int MAX_FILTERS = 256;
    public static final int MAX_KERNEL = 7;
    public static final int MAX_STRIDE = 4;
    public static final int MAX_PADDING = 3;
    public static final int MAX_POOL_SIZE = 4;
    public static final int MAX_UNITS = 1024;
    public static final double MAX_DROPOUT = 0.9;
    /** Larger networks would take most of the server's memory to summarise and train on a CPU. */
    public static final long MAX_PARAMETERS = 10_000_000;
    public static final Set<String> ACTIVATIONS = Set.of("relu", "sigmoid", "tanh");
    public static final Set<String> POOL_TYPES = Set.of("max", "avg");

    /** The seed tutorial's network. */
    public static final CnnArchitecture SEED = new CnnArchitecture(
            List.of(seedBlock(32), seedBlock(64), seedBlock(64)), FLATTEN, List.of(new DenseLayer(64, 0.0)));

    private static final String ROOT = "architecture";

    /**
     * One convolution block.
     *
     * @param padding {@code valid}, {@code same} or 0..3 pixels on every side
     * @param activation {@code relu}, {@code sigmoid} or {@code tanh}
     * @param pool null: no pooling
     * @param dropout the fraction dropped after the block (after its pooling when it has one)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConvBlock(Integer filters, Integer kernel, Integer stride, Padding padding, String activation,
            PoolLayer pool, Boolean batchNorm, Double dropout) {
    }

    /**
     * A pooling layer after a block's activation.
     *
     * @param type {@code max} or {@code avg}
     * @param stride null: the size, as in Keras
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PoolLayer(String type, Integer size, Integer stride) {
    }

    /** A hidden dense layer with ReLU, and the fraction of its outputs dropped in training. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DenseLayer(Integer units, Double dropout) {
    }

    /** A convolution's padding: {@code valid} (none), {@code same} or a number of pixels; JSON takes either. */
    public record Padding(String name, int pixels) {

        public static final Padding VALID = new Padding("valid", 0);
        public static final Padding SAME = new Padding("same", -1);

        /** From JSON: a name or a whole number; anything else is kept as written for {@link #check()} to refuse. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Padding fromJson(JsonNode node) {
            if (node.isTextual()) {
                return of(node.asText());
            }
            if (node.isIntegralNumber() && node.canConvertToInt()) {
                return of(node.asInt());
            }
            return new Padding(node.toString(), Integer.MIN_VALUE);
        }

        public static Padding of(String name) {
            return switch (name) {
                case "valid" -> VALID;
                case "same" -> SAME;
                default -> new Padding(name, Integer.MIN_VALUE);
            };
        }

        public static Padding of(int pixels) {
            return new Padding(null, pixels);
        }

        /** The pixels added on every side for a kernel of {@code kernel}. */
        public int pixelsFor(int kernel) {
            return this == SAME || "same".equals(name) ? (kernel - 1) / 2 : "valid".equals(name) ? 0 : pixels;
        }

        @JsonValue
        public Object json() {
            return name != null ? name : pixels;
        }

        @Override
        public String toString() {
            return String.valueOf(json());
        }
    }

    private static ConvBlock seedBlock(int filters) {
        return new ConvBlock(filters, 3, 1, Padding.VALID, "relu", new PoolLayer("max", 2, 2), false, 0.0);
    }

    /** The architecture with every default filled in, or an {@link ArchitectureException} naming the first bad value. */
    public CnnArchitecture check() {
        if (blocks == null || blocks.size() < MIN_BLOCKS || blocks.size() > MAX_BLOCKS) {
            throw new ArchitectureException(ROOT + ".blocks", "network", Text.of("error.architecture.blocks",
                    MIN_BLOCKS, MAX_BLOCKS, blocks == null ? "none" : blocks.size()));
        }
        List<DenseLayer> hidden = dense == null ? List.of() : dense;
        if (hidden.size() > MAX_DENSE) {
            throw new ArchitectureException(ROOT + ".dense", "network", Text.of("error.architecture.dense",
                    MAX_DENSE, hidden.size()));
        }
        String checkedHead = head == null ? FLATTEN : head;
        if (!checkedHead.equals(FLATTEN) && !checkedHead.equals(GLOBAL_AVERAGE)) {
            throw new ArchitectureException(ROOT + ".head", "head", Text.of("error.architecture.head",
                    FLATTEN, GLOBAL_AVERAGE, checkedHead));
        }
        int size = (int) INPUT_SHAPE.get(2);
        int channels = (int) INPUT_SHAPE.get(1);
        long parameters = 0;
        List<ConvBlock> checkedBlocks = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            ConvBlock block = blocks.get(i);
            String path = ROOT + ".blocks[" + i + "]";
            String layer = "block " + (i + 1);
            if (block == null) {
                throw new ArchitectureException(path, layer, Text.of("error.architecture.null_layer"));
            }
            int filters = required(block.filters(), path + ".filters", layer, "filters", 1, MAX_FILTERS);
            int kernel = required(block.kernel(), path + ".kernel", layer, "kernel", 1, MAX_KERNEL);
            int stride = optional(block.stride(), 1, path + ".stride", layer, "stride", 1, MAX_STRIDE);
            Padding padding = checkPadding(block.padding(), kernel, path + ".padding", layer);
            String activation = block.activation() == null ? "relu" : block.activation();
            if (!ACTIVATIONS.contains(activation)) {
                throw new ArchitectureException(path + ".activation", layer, Text.of("error.architecture.activation",
                        activation));
            }
            int pad = padding.pixelsFor(kernel);
            if (kernel > size + 2 * pad) {
                throw new ArchitectureException(path + ".kernel", layer, pad > 0
                        ? Text.of("error.architecture.kernel_padded", kernel, size, pad)
                        : Text.of("error.architecture.kernel", kernel, size));
            }
            parameters += (long) kernel * kernel * channels * filters + filters;
            size = outputSize(size, kernel, pad, stride);
            channels = filters;
            boolean batchNorm = Boolean.TRUE.equals(block.batchNorm());
            PoolLayer pool = block.pool();
            if (pool != null) {
                String poolLayer = layer + " pooling";
                String type = pool.type() == null ? "max" : pool.type();
                if (!POOL_TYPES.contains(type)) {
                    throw new ArchitectureException(path + ".pool.type", poolLayer, Text.of("error.architecture.pool_type",
                            type));
                }
                int poolSize = required(pool.size(), path + ".pool.size", poolLayer, "size", 1, MAX_POOL_SIZE);
                int poolStride = optional(pool.stride(), poolSize, path + ".pool.stride", poolLayer, "stride", 1,
                        MAX_POOL_SIZE);
                if (poolSize > size) {
                    throw new ArchitectureException(path + ".pool.size", poolLayer, Text.of("error.architecture.pool_size",
                            poolSize, size));
                }
                size = outputSize(size, poolSize, 0, poolStride);
                pool = new PoolLayer(type, poolSize, poolStride);
            }
            double dropout = dropout(block.dropout(), path + ".dropout", layer);
            checkedBlocks.add(new ConvBlock(filters, kernel, stride, padding, activation, pool, batchNorm, dropout));
        }
        long features = checkedHead.equals(FLATTEN) ? (long) channels * size * size : channels;
        List<DenseLayer> checkedDense = new ArrayList<>();
        for (int i = 0; i < hidden.size(); i++) {
            DenseLayer layer = hidden.get(i);
            String path = ROOT + ".dense[" + i + "]";
            String name = "dense " + (i + 1);
            if (layer == null) {
                throw new ArchitectureException(path, name, Text.of("error.architecture.null_layer"));
            }
            int units = required(layer.units(), path + ".units", name, "units", 1, MAX_UNITS);
            parameters += features * units + units;
            features = units;
            checkedDense.add(new DenseLayer(units, dropout(layer.dropout(), path + ".dropout", name)));
        }
        parameters += features * CLASSES + CLASSES;
        if (parameters > MAX_PARAMETERS) {
            throw new ArchitectureException(ROOT, "network", Text.of("error.architecture.parameters",
                    String.format(Locale.ROOT, "%,d", parameters), String.format(Locale.ROOT, "%,d", MAX_PARAMETERS)));
        }
        return new CnnArchitecture(List.copyOf(checkedBlocks), checkedHead, List.copyOf(checkedDense));
    }

    /** The seed's formula, rounded down as MXNet does: {@code (h - k + 2p) / s + 1}. */
    public static int outputSize(int size, int kernel, int padding, int stride) {
        return (size - kernel + 2 * padding) / stride + 1;
    }

    private static Padding checkPadding(Padding padding, int kernel, String field, String layer) {
        if (padding == null) {
            return Padding.VALID;
        }
        if (padding.name() != null) {
            if (!padding.name().equals("valid") && !padding.name().equals("same")) {
                throw new ArchitectureException(field, layer, Text.of("error.architecture.padding",
                        MAX_PADDING, "\"" + padding.name() + "\""));
            }
            if (padding.name().equals("same") && kernel % 2 == 0) {
                throw new ArchitectureException(field, layer, Text.of("error.architecture.same_even",
                        kernel));
            }
            return padding.name().equals("same") ? Padding.SAME : Padding.VALID;
        }
        if (padding.pixels() < 0 || padding.pixels() > MAX_PADDING) {
            throw new ArchitectureException(field, layer, Text.of("error.architecture.padding",
                    MAX_PADDING, padding.pixels()));
        }
        return padding;
    }

    private static int required(Integer value, String field, String layer, String name, int min, int max) {
        if (value == null) {
            throw new ArchitectureException(field, layer, Text.of("error.architecture.required", name, min, max));
        }
        return inRange(value, field, layer, name, min, max);
    }

    private static int optional(Integer value, int fallback, String field, String layer, String name, int min,
            int max) {
        return inRange(value == null ? fallback : value, field, layer, name, min, max);
    }

    private static int inRange(int value, String field, String layer, String name, int min, int max) {
        if (value < min || value > max) {
            throw new ArchitectureException(field, layer, Text.of("error.architecture.out_of_range",
                    name, min, max, value));
        }
        return value;
    }

    private static double dropout(Double value, String field, String layer) {
        double rate = value == null ? 0.0 : value;
        if (!Double.isFinite(rate) || rate < 0 || rate > MAX_DROPOUT) {
            throw new ArchitectureException(field, layer, Text.of("error.architecture.dropout",
                    MAX_DROPOUT, value));
        }
        return rate;
    }

    /** A new, uninitialized block with these layers; call on a {@link #check() checked} architecture. */
    public SequentialBlock newBlock() {
        SequentialBlock block = new SequentialBlock();
        for (ConvBlock conv : blocks) {
            int pad = conv.padding().pixelsFor(conv.kernel());
            block.add(Conv2d.builder()
                    .setKernelShape(new Shape(conv.kernel(), conv.kernel()))
                    .optStride(new Shape(conv.stride(), conv.stride()))
                    .optPadding(new Shape(pad, pad))
                    .setFilters(conv.filters())
                    .build());
            if (Boolean.TRUE.equals(conv.batchNorm())) {
                block.add(BatchNorm.builder().build());
            }
            block.add(activation(conv.activation()));
            PoolLayer pool = conv.pool();
            if (pool != null) {
                Shape kernel = new Shape(pool.size(), pool.size());
                Shape stride = new Shape(pool.stride(), pool.stride());
                block.add("avg".equals(pool.type()) ? Pool.avgPool2dBlock(kernel, stride)
                        : Pool.maxPool2dBlock(kernel, stride));
            }
            addDropout(block, conv.dropout());
        }
        block.add(GLOBAL_AVERAGE.equals(head) ? Pool.globalAvgPool2dBlock() : Blocks.batchFlattenBlock());
        for (DenseLayer layer : dense) {
            block.add(Linear.builder().setUnits(layer.units()).build());
            block.add(Activation.reluBlock());
            addDropout(block, layer.dropout());
        }
        block.add(Linear.builder().setUnits(CLASSES).build());
        return block;
    }

    private static Block activation(String name) {
        return switch (name) {
            case "sigmoid" -> Activation.sigmoidBlock();
            case "tanh" -> Activation.tanhBlock();
            default -> Activation.reluBlock();
        };
    }

    private static void addDropout(SequentialBlock block, Double rate) {
        if (rate != null && rate > 0) {
            block.add(Dropout.builder().optRate(rate.floatValue()).build());
        }
    }

    /**
     * The network in a few words, e.g. {@code conv32-pool / conv64-pool / flatten / dense64}: each
     * block's filters (with its kernel and stride when not 3 and 1, {@code bn} for batch
     * normalisation, {@code avgpool} or {@code pool}, {@code drop0.25}), the head, the hidden layers.
     */
    public String compact() {
        List<String> parts = new ArrayList<>();
        for (ConvBlock conv : blocks) {
            StringBuilder part = new StringBuilder("conv").append(conv.filters());
            if (conv.kernel() != null && conv.kernel() != 3) {
                part.append('k').append(conv.kernel());
            }
            if (conv.stride() != null && conv.stride() != 1) {
                part.append('s').append(conv.stride());
            }
            if (conv.padding() != null && conv.padding().pixelsFor(conv.kernel()) > 0) {
                part.append("-pad").append(conv.padding());
            }
            if (Boolean.TRUE.equals(conv.batchNorm())) {
                part.append("-bn");
            }
            if (conv.activation() != null && !conv.activation().equals("relu")) {
                part.append('-').append(conv.activation());
            }
            if (conv.pool() != null) {
                part.append('-').append("avg".equals(conv.pool().type()) ? "avgpool" : "pool");
                if (conv.pool().size() != null && conv.pool().size() != 2) {
                    part.append(conv.pool().size());
                }
            }
            appendDropout(part, conv.dropout());
            parts.add(part.toString());
        }
        parts.add(GLOBAL_AVERAGE.equals(head) ? "gap" : "flatten");
        for (DenseLayer layer : dense == null ? List.<DenseLayer>of() : dense) {
            StringBuilder part = new StringBuilder("dense").append(layer.units());
            appendDropout(part, layer.dropout());
            parts.add(part.toString());
        }
        return String.join(" / ", parts);
    }

    private static void appendDropout(StringBuilder part, Double rate) {
        if (rate != null && rate > 0) {
            part.append("-drop").append(String.format(Locale.ROOT, "%s", rate));
        }
    }
}
