package deepdash.drawings;

/**
 * The body of {@code PATCH /api/drawings/{id}}, read strictly.
 *
 * @param label the digit the drawing shows, 0..9
 */
public record RelabelRequest(Integer label) {
}
