package deepdash.mnist;

import java.util.Arrays;

/**
 * Images from an IDX3 file, kept as the file's unsigned bytes (one byte a pixel, row-major) so the
 * full training set costs 47 MB instead of 188 MB as floats.
 */
public record IdxImages(int count, int rows, int columns, byte[] pixels) {

    public int pixelsPerImage() {
        return rows * columns;
    }

    /** Writes image {@code index} scaled to 0..1 into {@code target} at {@code offset}. */
    public void copyScaled(int index, float[] target, int offset) {
        int size = pixelsPerImage();
        int start = index * size;
        for (int i = 0; i < size; i++) {
            target[offset + i] = (pixels[start + i] & 0xff) / 255f;
        }
    }

    /** A copy of image {@code index}'s raw pixels: {@link #pixelsPerImage()} unsigned bytes, row-major. */
    public byte[] image(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("image " + index + " of " + count);
        }
        int size = pixelsPerImage();
        return Arrays.copyOfRange(pixels, index * size, (index + 1) * size);
    }
}
