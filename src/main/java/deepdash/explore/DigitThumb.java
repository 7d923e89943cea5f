package deepdash.explore;

/**
 * One digit of the browser's grid.
 *
 * @param index its position in the split
 * @param label the digit it shows
 * @param pixels base64 of its raw pixels: rows x columns unsigned bytes, row-major (1 KB for MNIST)
 */
public record DigitThumb(int index, int label, String pixels) {
}
