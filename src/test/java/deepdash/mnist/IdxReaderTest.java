package deepdash.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class IdxReaderTest {

    private static byte[] imageFile(int count, int rows, int columns, int pixelBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(IdxReader.IMAGES_MAGIC);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(columns);
        for (int i = 0; i < pixelBytes; i++) {
            out.writeByte(i % 256);
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(raw);
        }
        return bytes.toByteArray();
    }

    @Test
    void readsAGzippedImageFileAndScalesPixels() throws IOException {
        byte[] file = gzip(imageFile(2, 2, 3, 12));
        IdxImages images = IdxReader.readImages("tiny.gz", new ByteArrayInputStream(file));
        assertThat(images.count()).isEqualTo(2);
        assertThat(images.pixelsPerImage()).isEqualTo(6);
        float[] second = new float[6];
        images.copyScaled(1, second, 0);
        assertThat(second[0]).isEqualTo(6 / 255f);
        assertThat(second[5]).isEqualTo(11 / 255f);
    }

    @Test
    void refusesAWrongMagicNumberNamingTheFile() throws IOException {
        byte[] file = imageFile(1, 2, 2, 4);
        file[3] = 0x01;
        assertThatThrownBy(() -> IdxReader.readImages("train-images-idx3-ubyte.gz", new ByteArrayInputStream(file)))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("train-images-idx3-ubyte.gz")
                .hasMessageContaining("magic number");
    }

    @Test
    void refusesATruncatedFile() throws IOException {
        byte[] file = gzip(imageFile(10, 28, 28, 100));
        assertThatThrownBy(() -> IdxReader.readImages("t10k-images-idx3-ubyte.gz", new ByteArrayInputStream(file)))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("t10k-images-idx3-ubyte.gz")
                .hasMessageContaining("truncated")
                .hasMessageContaining("7840");
    }

    @Test
    void refusesACorruptGzipStream() throws IOException {
        byte[] file = gzip(imageFile(10, 28, 28, 7840));
        byte[] damaged = Arrays.copyOf(file, file.length);
        for (int i = 20; i < 60; i++) {
            damaged[i] = (byte) 0xAA;
        }
        assertThatThrownBy(() -> IdxReader.readImages("broken.gz", new ByteArrayInputStream(damaged)))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageStartingWith("broken.gz");
    }

    @Test
    void refusesAHeaderThatPromisesTooMuch() throws IOException {
        byte[] file = imageFile(Integer.MAX_VALUE, 28, 28, 0);
        assertThatThrownBy(() -> IdxReader.readImages("huge", new ByteArrayInputStream(file)))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("implausible header");
    }

    @Test
    void refusesLabelsOutsideZeroToNine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(IdxReader.LABELS_MAGIC);
        out.writeInt(3);
        out.write(new byte[] {1, 12, 3});
        assertThatThrownBy(() -> IdxReader.readLabels("labels", new ByteArrayInputStream(bytes.toByteArray())))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("label 1 is 12");
    }

    @Test
    void theShippedMnistHasSixtyThousandTrainingAndTenThousandTestImages() {
        MnistData data = MnistData.load(null);
        assertThat(data.trainImages().count()).isEqualTo(60_000);
        assertThat(data.testImages().count()).isEqualTo(10_000);
        assertThat(data.trainImages().rows()).isEqualTo(28);
        assertThat(data.trainLabels()[0]).isEqualTo((byte) 5);
        assertThat(data.testLabels()[0]).isEqualTo((byte) 7);
    }
}
