package deepdash.explore;

import deepdash.i18n.Messages;
import deepdash.i18n.Text;
import java.util.List;

/**
 * One MNIST image as the seed tutorial prints it: its 28x28 matrix of 0..255 values, with the
 * shape, smallest and largest value computed from this image. Also the JSON of
 * {@code GET /api/mnist/{split}/{index}}.
 *
 * @param split "train" or "test"
 * @param index its position in the split
 * @param label the digit it shows, 0..9
 * @param shape rows and columns, {@code [28, 28]}
 * @param min the smallest pixel value in this image
 * @param max the largest pixel value in this image
 * @param pixels the values, one array per row
 */
public record MnistDigit(String split, int index, int label, List<Integer> shape, int min, int max,
        int[][] pixels) {

    /** Builds the digit from its raw row-major bytes. */
    static MnistDigit of(MnistSplit split, int index, int label, int rows, int columns, byte[] raw) {
        int[][] matrix = new int[rows][columns];
        int min = 255;
        int max = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int value = raw[r * columns + c] & 0xff;
                matrix[r][c] = value;
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        return new MnistDigit(split.urlName(), index, label, List.of(rows, columns), min, max, matrix);
    }

    /** The seed's line, from this image: {@code shape (28, 28), max 255, min 0}. */
    public String shapeLine() {
        return shapeLine(Messages.ENGLISH);
    }

    /** {@link #shapeLine()} in {@code t}'s language: {@code shape (28, 28), 최댓값 255, 최솟값 0}. */
    public String shapeLine(Messages t) {
        return t.format(shapeText());
    }

    /** The shape line before it is worded. */
    public Text shapeText() {
        return Text.of("explore.shapeLine", shape.get(0), shape.get(1), max, min);
    }
}
