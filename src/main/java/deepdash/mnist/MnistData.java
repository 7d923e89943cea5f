package deepdash.mnist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The four MNIST files: 60,000 training and 10,000 test images with their labels.
 *
 * <p>They ship in the jar (from {@code data/mnist/}), so a fresh install trains without any
 * download; {@link #load(Path)} reads another copy from a folder instead.
 */
public record MnistData(IdxImages trainImages, byte[] trainLabels, IdxImages testImages, byte[] testLabels) {

    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
    private static final String RESOURCE_FOLDER = "/data/mnist/";

    public MnistData {
        if (trainImages.count() != trainLabels.length) {
            throw new IdxFormatException(TRAIN_IMAGES + " has " + trainImages.count() + " images but "
                    + TRAIN_LABELS + " has " + trainLabels.length + " labels");
        }
        if (testImages.count() != testLabels.length) {
            throw new IdxFormatException(TEST_IMAGES + " has " + testImages.count() + " images but "
                    + TEST_LABELS + " has " + testLabels.length + " labels");
        }
    }

    /** Loads from {@code folder}, or from the copy inside the jar when {@code folder} is null. */
    public static MnistData load(Path folder) {
        return new MnistData(
                IdxReader.readImages(TRAIN_IMAGES, open(folder, TRAIN_IMAGES)),
                IdxReader.readLabels(TRAIN_LABELS, open(folder, TRAIN_LABELS)),
                IdxReader.readImages(TEST_IMAGES, open(folder, TEST_IMAGES)),
                IdxReader.readLabels(TEST_LABELS, open(folder, TEST_LABELS)));
    }

    /** Training images only (the data page loads each split when it is first asked for). */
    public static IdxImages loadTrainImages(Path folder) {
        return IdxReader.readImages(TRAIN_IMAGES, open(folder, TRAIN_IMAGES));
    }

    public static byte[] loadTrainLabels(Path folder) {
        return IdxReader.readLabels(TRAIN_LABELS, open(folder, TRAIN_LABELS));
    }

    /** Test images only (for evaluation and the canvas accuracy check). */
    public static IdxImages loadTestImages(Path folder) {
        return IdxReader.readImages(TEST_IMAGES, open(folder, TEST_IMAGES));
    }

    public static byte[] loadTestLabels(Path folder) {
        return IdxReader.readLabels(TEST_LABELS, open(folder, TEST_LABELS));
    }

    private static InputStream open(Path folder, String name) {
        if (folder == null) {
            InputStream in = MnistData.class.getResourceAsStream(RESOURCE_FOLDER + name);
            if (in == null) {
                throw new IdxFormatException(name + ": not found in the jar (expected " + RESOURCE_FOLDER + name
                        + "); run scripts/fetch-mnist.sh and rebuild");
            }
            return in;
        }
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IdxFormatException(name + ": not found in " + folder + " (run scripts/fetch-mnist.sh)");
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
