package deepdash.model;

import java.util.List;

/**
 * The architecture summary of a model: its layers and parameter totals.
 *
 * @param kerasParams what Keras's {@code model.summary()} counts for the same layers (it differs
 *     where MXNet keeps a second bias vector per gate)
 * @param nonTrainableParams parameters training does not change by gradients (a batch
 *     normalisation's running mean and variance)
 * @param multiplyAdds the layers' multiply-adds for one input (see {@link LayerSummary#multiplyAdds()})
 */
public record ModelSummary(String model, String inputShape, List<LayerSummary> layers, long totalParams,
        long trainableParams, long nonTrainableParams, long kerasParams, String note, long multiplyAdds) {

    public ModelSummary withNote(String newNote) {
        return new ModelSummary(model, inputShape, layers, totalParams, trainableParams, nonTrainableParams,
                kerasParams, newNote, multiplyAdds);
    }
}
