package deepdash.mnist;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads MNIST's IDX files (gzipped or not). Every check failure names the file, because the user
 * who sees it needs to know which of the four files to fetch again.
 */
public final class IdxReader {

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    /** No IDX file in this product is anywhere near this; a larger header is a corrupt file. */
    private static final long MAX_ELEMENTS = 200_000_000L;

    private IdxReader() {
    }

    public static IdxImages readImages(String name, InputStream raw) {
        try (DataInputStream in = open(name, raw)) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new IdxFormatException(String.format(
                        "%s: not an IDX image file (magic number 0x%08x, expected 0x%08x)", name, magic, IMAGES_MAGIC));
            }
            int count = in.readInt();
            int rows = in.readInt();
            int columns = in.readInt();
            if (count < 0 || rows <= 0 || columns <= 0 || (long) count * rows * columns > MAX_ELEMENTS) {
                throw new IdxFormatException(String.format(
                        "%s: implausible header: %d images of %dx%d pixels", name, count, rows, columns));
            }
            byte[] pixels = new byte[count * rows * columns];
            readFully(name, in, pixels);
            expectEnd(name, in);
            return new IdxImages(count, rows, columns, pixels);
        } catch (EOFException e) {
            throw new IdxFormatException(name + ": truncated header", e);
        } catch (IOException e) {
            throw new IdxFormatException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    public static byte[] readLabels(String name, InputStream raw) {
        try (DataInputStream in = open(name, raw)) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new IdxFormatException(String.format(
                        "%s: not an IDX label file (magic number 0x%08x, expected 0x%08x)", name, magic, LABELS_MAGIC));
            }
            int count = in.readInt();
            if (count < 0 || count > MAX_ELEMENTS) {
                throw new IdxFormatException(name + ": implausible header: " + count + " labels");
            }
            byte[] labels = new byte[count];
            readFully(name, in, labels);
            expectEnd(name, in);
            for (int i = 0; i < count; i++) {
                if (labels[i] < 0 || labels[i] > 9) {
                    throw new IdxFormatException(name + ": label " + i + " is " + labels[i] + ", expected a digit 0..9");
                }
            }
            return labels;
        } catch (EOFException e) {
            throw new IdxFormatException(name + ": truncated header", e);
        } catch (IOException e) {
            throw new IdxFormatException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static DataInputStream open(String name, InputStream raw) throws IOException {
        InputStream buffered = raw.markSupported() ? raw : new java.io.BufferedInputStream(raw);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            try {
                return new DataInputStream(new GZIPInputStream(buffered, 1 << 16));
            } catch (ZipException e) {
                throw new IdxFormatException(name + ": corrupt gzip data: " + e.getMessage(), e);
            }
        }
        return new DataInputStream(buffered);
    }

    private static void readFully(String name, DataInputStream in, byte[] target) throws IOException {
        int read = 0;
        try {
            while (read < target.length) {
                int n = in.read(target, read, target.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
        } catch (ZipException | EOFException e) {
            throw new IdxFormatException(name + ": corrupt or truncated after " + read + " of "
                    + target.length + " data bytes: " + e.getMessage(), e);
        }
        if (read < target.length) {
            throw new IdxFormatException(name + ": truncated: the header promises " + target.length
                    + " data bytes, the file has " + read);
        }
    }

    private static void expectEnd(String name, DataInputStream in) throws IOException {
        if (in.read() != -1) {
            throw new IdxFormatException(name + ": has bytes after the data its header describes");
        }
    }
}
