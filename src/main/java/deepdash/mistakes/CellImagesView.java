package deepdash.mistakes;

import java.util.List;

/**
 * Input of {@code mistakes/cell.jte}: the test images behind one cell of the confusion matrix.
 *
 * @param moreUrl the next page of the cell, or null when this is the last
 */
public record CellImagesView(String runId, int actual, int predicted, int total, int offset, List<ImageTile> tiles,
        String moreUrl) {

    public boolean correct() {
        return actual == predicted;
    }
}
