package deepdash.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import deepdash.series.Recipe;
import java.util.function.IntFunction;

/**
 * The seed tutorial's price model, layer for layer, for any recurrent layer:
 * Recurrent(32, return_sequences=True) - Recurrent(16) - Dense(1, sigmoid). The seed used LSTM
 * layers; SimpleRNN and GRU take the same shape, so the three compare on equal terms. The returns
 * recipe ({@link Recipe#RETURNS}) drops the sigmoid: its standardised returns are not bounded.
 *
 * <p>Input is batch-first, {@code (N, window, 1)}: one scaled price per time step. DJL's recurrent
 * layers always return the whole sequence; Keras's {@code LSTM(16)} (no {@code return_sequences})
 * returns only the last step, so a block named {@value #LAST_TIME_STEP} takes it.
 */
public final class RecurrentArchitecture {

    public static final int FIRST_UNITS = 32;
    public static final int SECOND_UNITS = 16;
    /** One value (the target price) per time step. */
    public static final int FEATURES = 1;
    /** The block that keeps only the last time step; {@link SummaryBuilder} folds it into the layer's row. */
    public static final String LAST_TIME_STEP = "lastTimeStep";

    private RecurrentArchitecture() {
    }

    /** The input shape for one window of {@code window} days. */
    public static Shape inputShape(int window) {
        return new Shape(1, window, FEATURES);
    }

    /** The seed's block, with its sigmoid head. */
    public static SequentialBlock newBlock(IntFunction<Block> layer) {
        return newBlock(layer, Recipe.SEED);
    }

    /**
     * @param layer makes one batch-first recurrent layer of the given number of units that returns
     *     its whole output sequence and no state
     * @param recipe decides the head: a sigmoid for the seed's scaled prices, linear for returns
     */
    public static SequentialBlock newBlock(IntFunction<Block> layer, Recipe recipe) {
        SequentialBlock block = new SequentialBlock();
        block.add(layer.apply(FIRST_UNITS));
        block.add(layer.apply(SECOND_UNITS));
        block.add(new LambdaBlock(RecurrentArchitecture::lastTimeStep, LAST_TIME_STEP));
        block.add(Linear.builder().setUnits(1).build());
        if (recipe.sigmoidHead()) {
            block.add(Activation.sigmoidBlock());
        }
        return block;
    }

    private static NDList lastTimeStep(NDList sequence) {
        // (N, T, units) -> (N, units)
        return new NDList(sequence.singletonOrThrow().get(":, -1, :"));
    }
}
