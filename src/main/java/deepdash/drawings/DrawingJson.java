package deepdash.drawings;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A drawing as the API answers it.
 *
 * @param id the drawing's id
 * @param label the digit the user says it is
 * @param createdAt when it was saved
 * @param imageUrl where its canvas PNG is served
 * @param input the 28x28 model input, row-major; only when one drawing is asked for (not in lists)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DrawingJson(String id, int label, Instant createdAt, String imageUrl, float[] input) {

    static DrawingJson of(Drawing drawing, boolean withInput) {
        return new DrawingJson(drawing.id(), drawing.label(), drawing.createdAt(),
                DrawingController.imageUrl(drawing.id()), withInput ? drawing.pixels() : null);
    }
}
