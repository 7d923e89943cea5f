package deepdash.drawings;

/**
 * The body of {@code POST /api/drawings}, read strictly.
 *
 * @param image the canvas as {@code data:image/png;base64,...}
 * @param label the digit it shows, 0..9
 */
public record SaveDrawingRequest(String image, Integer label) {
}
