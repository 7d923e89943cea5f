package deepdash.digits;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A trained CNN the draw page can predict with: a completed run with saved parameters, or the
 * model that ships in the jar.
 *
 * @param id what {@code POST /api/predict} takes as {@code run}
 * @param label a short description for the model selector
 * @param testAccuracy accuracy on the 10,000 MNIST test images; null if the run did not record it
 * @param createdAt when the run was created
 * @param isDefault true for the one model used when a request names none: the newest completed run,
 *     else the shipped model
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelChoice(String id, String label, Double testAccuracy, Instant createdAt, boolean isDefault) {
}
