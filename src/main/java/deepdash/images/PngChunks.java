package deepdash.images;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What DeepDash reads from a PNG's bytes before ImageIO sees them: the IHDR header's numbers (so a
 * declared size can be refused before anything is decoded), and a copy without the compressed
 * ancillary chunks (zTXt, iTXt, iCCP), which ImageIO would inflate with no size limit: a few
 * kilobytes of them can expand to gigabytes. The draw page's decoder and the image inspector both
 * use it; each turns a {@link DamagedPngException} into its own 400.
 */
public final class PngChunks {

    public static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** PNG colour type 3: each pixel is an index into a palette (PLTE). */
    public static final int COLOUR_TYPE_PALETTE = 3;

    /** Chunk length (4) + type (4) + CRC (4). */
    private static final int CHUNK_OVERHEAD_BYTES = 12;
    private static final int IHDR_DATA_BYTES = 13;
    private static final int IHDR_END = SIGNATURE.length + 8 + IHDR_DATA_BYTES;

    /**
     * The numbers of a PNG's IHDR chunk.
     *
     * @param bitDepth bits per sample (per palette index for colour type 3)
     * @param colourType 0 grey, 2 RGB, 3 palette, 4 grey and alpha, 6 RGBA
     */
    public record Header(long widthPixels, long heightPixels, int bitDepth, int colourType) {
    }

    /** How a PNG's bytes are damaged; each caller words it for its own users. */
    public enum Damage {
        /** The IHDR chunk, which must come first, is not there. */
        NO_HEADER,
        /** A chunk claims more bytes than the file has left. */
        TRUNCATED_CHUNK
    }

    /** The bytes start like a PNG but are not one DeepDash can read. */
    public static final class DamagedPngException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Damage damage;

        DamagedPngException(Damage damage) {
            super(damage == Damage.NO_HEADER ? "damaged PNG: its IHDR header is missing"
                    : "damaged PNG: it ends in the middle of a chunk");
            this.damage = damage;
        }

        public Damage damage() {
            return damage;
        }
    }

    private PngChunks() {
    }

    public static boolean isPng(byte[] bytes) {
        return bytes.length >= SIGNATURE.length && Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0,
                SIGNATURE.length);
    }

    /**
     * The IHDR chunk, which the PNG spec requires to come first.
     *
     * @throws DamagedPngException ({@link Damage#NO_HEADER}) when it is not there
     */
    public static Header header(byte[] png) {
        if (png.length < IHDR_END || readInt(png, SIGNATURE.length) != IHDR_DATA_BYTES
                || !hasType(png, SIGNATURE.length + 4, "IHDR")) {
            throw new DamagedPngException(Damage.NO_HEADER);
        }
        int data = SIGNATURE.length + 8;
        return new Header(Integer.toUnsignedLong(readInt(png, data)), Integer.toUnsignedLong(readInt(png, data + 4)),
                png[data + 8] & 0xff, png[data + 9] & 0xff);
    }

    /**
     * A copy with the critical chunks and tRNS (transparency) only, up to IEND.
     *
     * @throws DamagedPngException ({@link Damage#TRUNCATED_CHUNK}) when a chunk runs past the end
     */
    public static byte[] criticalOnly(byte[] png) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream(png.length);
        kept.write(png, 0, SIGNATURE.length);
        int position = SIGNATURE.length;
        while (position + CHUNK_OVERHEAD_BYTES <= png.length) {
            long dataBytes = Integer.toUnsignedLong(readInt(png, position));
            if (dataBytes > png.length - position - CHUNK_OVERHEAD_BYTES) {
                throw new DamagedPngException(Damage.TRUNCATED_CHUNK);
            }
            int chunkBytes = CHUNK_OVERHEAD_BYTES + (int) dataBytes;
            // Bit 5 of the first type letter is clear (upper case) for critical chunks.
            boolean critical = (png[position + 4] & 0x20) == 0;
            if (critical || hasType(png, position + 4, "tRNS")) {
                kept.write(png, position, chunkBytes);
            }
            boolean end = hasType(png, position + 4, "IEND");
            position += chunkBytes;
            if (end) {
                break;
            }
        }
        return kept.toByteArray();
    }

    private static int readInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16 | (bytes[offset + 2] & 0xff) << 8
                | (bytes[offset + 3] & 0xff);
    }

    private static boolean hasType(byte[] bytes, int offset, String type) {
        return Arrays.equals(bytes, offset, offset + 4, type.getBytes(StandardCharsets.US_ASCII), 0, 4);
    }
}
