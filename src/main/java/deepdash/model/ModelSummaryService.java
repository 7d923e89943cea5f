package deepdash.model;

import deepdash.engine.MxnetDispatcher;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Architecture summaries, computed once per architecture on the MXNet thread (initializing a
 * block is a native call) and cached: the architecture never changes while the server runs.
 */
public final class ModelSummaryService {

    static final String CNN_NOTE = "Shapes are DJL's channels-first (N, channels, height, width); Keras shows the "
            + "same layers channels-last, e.g. (None, 26, 26, 32). Parameter counts are identical.";

    private final MxnetDispatcher mxnet;
    private final Map<String, ModelSummary> cache = new ConcurrentHashMap<>();

    public ModelSummaryService(MxnetDispatcher mxnet) {
        this.mxnet = mxnet;
    }

    public ModelSummary cnn() {
        return cache.computeIfAbsent("cnn", key -> mxnet.call(() -> SummaryBuilder.summarize("cnn",
                CnnArchitecture.newBlock(), CnnArchitecture.INPUT_SHAPE, CNN_NOTE)));
    }
}
