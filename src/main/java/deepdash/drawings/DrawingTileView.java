package deepdash.drawings;

import java.util.stream.IntStream;

/**
 * Input of {@code drawings/tile.jte}: one drawing with its relabel and delete controls.
 *
 * @param drawing the drawing
 */
public record DrawingTileView(Drawing drawing) {

    /** The DOM id of the tile. */
    public String domId() {
        return "drawing-" + drawing.id();
    }

    public String imageUrl() {
        return DrawingController.imageUrl(drawing.id());
    }

    /** Where htmx sends a relabel ({@code PATCH}) or a delete ({@code DELETE}). */
    public String tileUrl() {
        return DrawingController.tileUrl(drawing.id());
    }

    public int[] digits() {
        return IntStream.rangeClosed(0, 9).toArray();
    }

    public String deleteQuestion() {
        return "Delete this drawing of a " + drawing.label() + "? It is removed for good.";
    }
}
