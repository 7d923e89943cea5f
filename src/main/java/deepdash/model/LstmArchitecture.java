package deepdash.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;

/**
 * The seed tutorial's price model, layer for layer:
 * LSTM(32, return_sequences=True) - LSTM(16) - Dense(1, sigmoid).
 *
 * <p>Input is batch-first, {@code (N, window, 1)}: one scaled price per time step. DJL's LSTM
 * always returns the whole sequence; Keras's {@code LSTM(16)} (no {@code return_sequences})
 * returns only the last step, so a block named {@value #LAST_TIME_STEP} takes it.
 */
public final class LstmArchitecture {

    public static final int FIRST_UNITS = 32;
    public static final int SECOND_UNITS = 16;
    /** One value (the target price) per time step. */
    public static final int FEATURES = 1;
    /** The name of the block that keeps only the last time step; {@link SummaryBuilder} folds it into the LSTM row. */
    public static final String LAST_TIME_STEP = "lastTimeStep";

    private LstmArchitecture() {
    }

    /** The input shape for one window of {@code window} days. */
    public static Shape inputShape(int window) {
        return new Shape(1, window, FEATURES);
    }

    public static SequentialBlock newBlock() {
        SequentialBlock block = new SequentialBlock();
        block.add(lstm(FIRST_UNITS));
        block.add(lstm(SECOND_UNITS));
        block.add(new LambdaBlock(LstmArchitecture::lastTimeStep, LAST_TIME_STEP));
        block.add(Linear.builder().setUnits(1).build());
        block.add(Activation.sigmoidBlock());
        return block;
    }

    private static LSTM lstm(int units) {
        return LSTM.builder().setStateSize(units).setNumLayers(1).optBatchFirst(true).optReturnState(false).build();
    }

    private static NDList lastTimeStep(NDList sequence) {
        // (N, T, units) -> (N, units)
        return new NDList(sequence.singletonOrThrow().get(":, -1, :"));
    }
}
