package deepdash.catalog;

import deepdash.model.ModelSpec;
import deepdash.model.Task;

/**
 * One model as {@code GET /api/models} lists it.
 *
 * @param keyMetric the metric that judges it besides the loss ({@code accuracy}, {@code mae})
 * @param higherIsBetter whether a larger key metric is better
 * @param summary the path of its summary
 */
public record ModelInfo(String name, String title, Task task, String keyMetric, boolean higherIsBetter,
        String summary) {

    static ModelInfo of(ModelSpec spec, String summaryPath) {
        return new ModelInfo(spec.name(), spec.title(), spec.task(), spec.keyMetric().metricName(),
                spec.keyMetric().higherIsBetter(), summaryPath);
    }
}
