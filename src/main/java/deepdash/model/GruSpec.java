package deepdash.model;

import ai.djl.nn.Block;
import ai.djl.nn.recurrent.GRU;

/**
 * The gated recurrent unit, the LSTM's lighter cousin (three gates, no cell state), in the seed's
 * shape: two GRU layers (32 then 16 units), then Dense(1).
 */
public final class GruSpec extends RecurrentForecastSpec {

    public GruSpec() {
        super("gru", "GRU", new SummaryBuilder.KerasLayer("GRU", "GRU", 3, true));
    }

    @Override
    protected Block newLayer(int units) {
        return GRU.builder().setStateSize(units).setNumLayers(1).optBatchFirst(true).optReturnState(false).build();
    }

    /** Here the two libraries agree, for a reason worth saying. */
    @Override
    protected String note(long djlParams, long kerasParams) {
        return "Shapes are batch-first (N, days, values), as Keras's (None, days, values). DJL counts "
                + thousands(djlParams) + " parameters and Keras " + thousands(kerasParams) + ": MXNet's GRU keeps "
                + "two bias vectors per gate, one for the input and one for the recurrent connection, and so does "
                + "Keras's GRU with reset_after=True (its default since TensorFlow 2), which applies the reset gate "
                + "after the recurrent product and so needs that product's bias on its own. With reset_after=False "
                + "Keras would keep one bias per gate, 3 x units fewer parameters per layer.";
    }
}
