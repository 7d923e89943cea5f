package deepdash.digits;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a model made of one drawn digit. Arrays are plain Java values, never native memory; as in
 * any record holding arrays, {@code equals} compares them by identity.
 *
 * @param digit the most probable class, 0..9
 * @param probabilities softmax of the model's ten logits, summing to 1
 * @param run the id of the model that answered ({@value PredictionService#SHIPPED_MODEL_ID} or a run id)
 * @param input the {@value DigitPreprocessor#PIXEL_COUNT} values the model saw, row-major, 0..1, white on black
 * @param featureMaps each convolution layer's activations for this input; null unless asked for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Prediction(int digit, double[] probabilities, String run, float[] input,
        List<FeatureMapLayer> featureMaps) {
}
