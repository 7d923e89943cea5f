package deepdash.model;

import ai.djl.nn.Block;
import ai.djl.nn.recurrent.RNN;

/**
 * The plain recurrent network the seed starts from, before it explains why the LSTM exists: two
 * SimpleRNN layers (32 then 16 units, tanh as in Keras), then Dense(1).
 */
public final class RnnSpec extends RecurrentForecastSpec {

    public RnnSpec() {
        super("rnn", "SimpleRNN", new SummaryBuilder.KerasLayer("SimpleRNN", "RNN", 1, false));
    }

    @Override
    protected Block newLayer(int units) {
        return RNN.builder().setStateSize(units).setNumLayers(1).setActivation(RNN.Activation.TANH)
                .optBatchFirst(true).optReturnState(false).build();
    }
}
