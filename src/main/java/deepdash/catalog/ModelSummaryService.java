package deepdash.catalog;

import deepdash.engine.MxnetDispatcher;
import deepdash.model.ModelSettings;
import deepdash.model.ModelSpec;
import deepdash.model.ModelSummary;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Architecture summaries, computed once per model (and window) on the MXNet thread (initializing a
 * block is a native call). The models' default architectures are cached: they never change while
 * the server runs.
 */
public final class ModelSummaryService {

    private final MxnetDispatcher mxnet;
    private final Map<String, ModelSummary> cache = new ConcurrentHashMap<>();

    public ModelSummaryService(MxnetDispatcher mxnet) {
        this.mxnet = mxnet;
    }

    /**
     * The model's summary for inputs of {@code window} steps; models without a window ignore it.
     * Only the output shapes depend on the window, never the parameter counts.
     */
    public ModelSummary summary(ModelSpec spec, int window) {
        String key = spec.task().hasWindow() ? spec.name() + "-" + window : spec.name();
        return cache.computeIfAbsent(key, k -> mxnet.call(() -> spec.summarize(window)));
    }

    /**
     * The summary of the layers checked settings ask for (an edited CNN). Not cached: every edit is
     * a new network, and a summary of one is a few milliseconds on the MXNet thread.
     */
    public ModelSummary summary(ModelSpec spec, ModelSettings settings, int window) {
        return mxnet.call(() -> spec.summarize(settings, window));
    }
}
