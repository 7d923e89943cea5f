package deepdash.digits;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads the first few real MNIST test digits from the repository's data folder, for tests. */
final class MnistSamples {

    static final Path TEST_IMAGES = Path.of("data", "mnist", "t10k-images-idx3-ubyte.gz");

    private static final int IMAGES_MAGIC = 2051;

    private MnistSamples() {
    }

    /** @return the first {@code count} test images, 784 values in 0..1 each */
    static List<float[]> firstTestImages(int count) {
        try (InputStream file = Files.newInputStream(TEST_IMAGES);
             DataInputStream in = new DataInputStream(new GZIPInputStream(file))) {
            if (in.readInt() != IMAGES_MAGIC) {
                throw new IllegalStateException(TEST_IMAGES + " is not an IDX image file");
            }
            int images = in.readInt();
            int rows = in.readInt();
            int columns = in.readInt();
            if (rows != DigitPreprocessor.SIDE_PIXELS || columns != DigitPreprocessor.SIDE_PIXELS) {
                throw new IllegalStateException(TEST_IMAGES + " holds " + rows + "x" + columns + " images");
            }
            List<float[]> digits = new ArrayList<>();
            byte[] raw = new byte[rows * columns];
            for (int i = 0; i < Math.min(count, images); i++) {
                in.readFully(raw);
                float[] pixels = new float[raw.length];
                for (int p = 0; p < raw.length; p++) {
                    pixels[p] = (raw[p] & 0xff) / 255f;
                }
                digits.add(pixels);
            }
            return digits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
