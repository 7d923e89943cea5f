package deepdash.model;

import ai.djl.nn.Block;
import ai.djl.nn.recurrent.LSTM;

/** The seed tutorial's price model: two LSTM layers (32 then 16 units), then Dense(1). */
public final class LstmSpec extends RecurrentForecastSpec {

    public static final String NAME = "lstm";

    public LstmSpec() {
        super(NAME, "LSTM", new SummaryBuilder.KerasLayer("LSTM", "LSTM", 4, false));
    }

    @Override
    protected Block newLayer(int units) {
        return LSTM.builder().setStateSize(units).setNumLayers(1).optBatchFirst(true).optReturnState(false).build();
    }
}
