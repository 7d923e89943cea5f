package deepdash.cell;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One time step through one recurrent layer.
 *
 * @param gates each gate's value per unit, by the names the cell kind gives, in its order
 * @param cell the cell state after the step (LSTM only; null otherwise)
 * @param hidden the hidden state after the step: the layer's output for this step
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CellStep(Map<String, double[]> gates, double[] cell, double[] hidden) {
}
