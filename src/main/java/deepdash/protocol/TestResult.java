package deepdash.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The model's score on held-out test data, as the seed's {@code model.evaluate} prints it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestResult(double loss, Double accuracy, Double mae, int samples, double seconds) {
}
