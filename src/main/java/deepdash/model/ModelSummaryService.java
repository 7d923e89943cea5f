package deepdash.model;

import ai.djl.nn.SequentialBlock;
import deepdash.engine.MxnetDispatcher;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Architecture summaries, computed once per architecture on the MXNet thread (initializing a
 * block is a native call) and cached: the architecture never changes while the server runs.
 */
public final class ModelSummaryService {

    static final String CNN_NOTE = "Shapes are DJL's channels-first (N, channels, height, width); Keras shows the "
            + "same layers channels-last, e.g. (None, 26, 26, 32). Parameter counts are identical.";

    /** The LSTM summary's window (days per input) is chosen by the user; these are its bounds. */
    public static final int MIN_WINDOW = 2;
    public static final int MAX_WINDOW = 365;

    private static final NumberFormat THOUSANDS = NumberFormat.getIntegerInstance(Locale.US);

    private final MxnetDispatcher mxnet;
    private final Map<String, ModelSummary> cache = new ConcurrentHashMap<>();

    public ModelSummaryService(MxnetDispatcher mxnet) {
        this.mxnet = mxnet;
    }

    public ModelSummary cnn() {
        return cache.computeIfAbsent("cnn", key -> mxnet.call(() -> SummaryBuilder.summarize("cnn",
                CnnArchitecture.newBlock(), CnnArchitecture.INPUT_SHAPE, CNN_NOTE)));
    }

    /**
     * The seed's LSTM for inputs of {@code window} days. Only the output shapes depend on the window;
     * the parameter counts do not.
     *
     * @throws IllegalArgumentException when the window is outside {@value #MIN_WINDOW}..{@value #MAX_WINDOW}
     */
    public ModelSummary lstm(int window) {
        if (window < MIN_WINDOW || window > MAX_WINDOW) {
            throw new IllegalArgumentException("window must be between " + MIN_WINDOW + " and " + MAX_WINDOW
                    + " days, got " + window);
        }
        return cache.computeIfAbsent("lstm-" + window, key -> mxnet.call(() -> summarizeLstm(window)));
    }

    /** Must run on the MXNet thread or in a worker process. */
    static ModelSummary summarizeLstm(int window) {
        SequentialBlock block = LstmArchitecture.newBlock();
        ModelSummary summary = SummaryBuilder.summarize("lstm", block, LstmArchitecture.inputShape(window), null);
        long keras = SummaryBuilder.kerasParameterCount(block);
        return new ModelSummary(summary.model(), summary.inputShape(), summary.layers(), summary.totalParams(),
                summary.trainableParams(), summary.nonTrainableParams(), lstmNote(summary.totalParams(), keras));
    }

    private static String lstmNote(long djl, long keras) {
        return "Shapes are batch-first (N, days, values), as Keras's (None, days, values). DJL counts "
                + THOUSANDS.format(djl) + " parameters where Keras's summary of the same layers says "
                + THOUSANDS.format(keras) + ": MXNet's LSTM (which DJL uses) keeps two bias vectors per gate, "
                + "one for the input and one for the recurrent connection, while Keras keeps one. Each LSTM "
                + "layer therefore has 4 x units more parameters here; the arithmetic column shows both counts. "
                + "A gate's two biases are simply added together, so both can compute exactly the same functions.";
    }
}
