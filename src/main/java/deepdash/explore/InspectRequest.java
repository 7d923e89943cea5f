package deepdash.explore;

/**
 * The JSON form of {@code POST /api/images/inspect}.
 *
 * @param image a {@code data:image/png;base64,...} or {@code data:image/jpeg;base64,...} URL
 */
public record InspectRequest(String image) {
}
