package deepdash.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;

/**
 * The seed tutorial's CNN, layer for layer:
 * Conv2D(32) - MaxPool - Conv2D(64) - MaxPool - Conv2D(64) - MaxPool - Flatten - Dense(64) - Dense(10).
 * The softmax lives in the loss (softmax cross-entropy), as in the seed's {@code from_logits=True}.
 */
public final class CnnArchitecture {

    /** One grey 28x28 image, channels first as MXNet wants it. */
    public static final Shape INPUT_SHAPE = new Shape(1, 1, 28, 28);
    public static final int CLASSES = 10;

    private CnnArchitecture() {
    }

    public static SequentialBlock newBlock() {
        SequentialBlock block = new SequentialBlock();
        addConvolution(block, 32);
        block.add(Pool.maxPool2dBlock(new Shape(2, 2)));
        addConvolution(block, 64);
        block.add(Pool.maxPool2dBlock(new Shape(2, 2)));
        addConvolution(block, 64);
        block.add(Pool.maxPool2dBlock(new Shape(2, 2)));
        block.add(Blocks.batchFlattenBlock());
        block.add(Linear.builder().setUnits(64).build());
        block.add(Activation.reluBlock());
        block.add(Linear.builder().setUnits(CLASSES).build());
        return block;
    }

    private static void addConvolution(SequentialBlock block, int filters) {
        block.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(filters).build());
        block.add(Activation.reluBlock());
    }
}
