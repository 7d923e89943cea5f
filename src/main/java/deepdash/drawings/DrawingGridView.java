package deepdash.drawings;

import java.util.Locale;

/**
 * Input of {@code drawings/grid.jte}: every saved drawing as a tile, or how to add some.
 *
 * @param listing the drawings and the files that could not be read
 * @param maxDrawings how many the set may hold
 */
public record DrawingGridView(DrawingListing listing, int maxDrawings) {

    public DrawingTileView tile(Drawing drawing) {
        return new DrawingTileView(drawing);
    }

    public boolean isEmpty() {
        return listing.drawings().isEmpty();
    }

    /** "3 drawings (at most 1,000)". */
    public String countText() {
        int count = listing.drawings().size();
        return String.format(Locale.US, "%,d %s (at most %,d)", count, count == 1 ? "drawing" : "drawings",
                maxDrawings);
    }
}
