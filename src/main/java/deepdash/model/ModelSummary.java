package deepdash.model;

import java.util.List;

/** The architecture summary of a model: its layers and parameter totals. */
public record ModelSummary(String model, String inputShape, List<LayerSummary> layers, long totalParams,
        long trainableParams, long nonTrainableParams, String note) {
}
