package deepdash.explore;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the inspector reads from a PNG before ImageIO sees it: the header's numbers, and a copy
 * without the compressed ancillary chunks (zTXt, iTXt, iCCP), which ImageIO would inflate with no
 * size limit: a few kilobytes of them can expand to gigabytes. The same precaution as the draw
 * page's decoder ({@code digits.CanvasImageDecoder}), written again here so that the two features
 * stay independent.
 */
final class PngChunks {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** PNG colour type 3: each pixel is an index into a palette (PLTE). */
    static final int COLOUR_TYPE_PALETTE = 3;

    private static final int CHUNK_OVERHEAD_BYTES = 12;
    private static final int IHDR_DATA_BYTES = 13;
    private static final int IHDR_END = SIGNATURE.length + 8 + IHDR_DATA_BYTES;

    /**
     * The numbers of a PNG's IHDR chunk.
     *
     * @param bitDepth bits per sample (per palette index for colour type 3)
     * @param colourType 0 grey, 2 RGB, 3 palette, 4 grey and alpha, 6 RGBA
     */
    record Header(long widthPixels, long heightPixels, int bitDepth, int colourType) {
    }

    private PngChunks() {
    }

    static boolean isPng(byte[] bytes) {
        return bytes.length >= SIGNATURE.length && Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0,
                SIGNATURE.length);
    }

    /** The IHDR chunk, which the PNG spec requires to come first. */
    static Header header(byte[] png, String field) {
        if (png.length < IHDR_END || readInt(png, SIGNATURE.length) != IHDR_DATA_BYTES
                || !hasType(png, SIGNATURE.length + 4, "IHDR")) {
            throw new InvalidImageException(field, "damaged PNG: its IHDR header is missing");
        }
        int data = SIGNATURE.length + 8;
        return new Header(Integer.toUnsignedLong(readInt(png, data)), Integer.toUnsignedLong(readInt(png, data + 4)),
                png[data + 8] & 0xff, png[data + 9] & 0xff);
    }

    /** A copy with the critical chunks and tRNS (transparency) only, up to IEND. */
    static byte[] criticalOnly(byte[] png, String field) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream(png.length);
        kept.write(png, 0, SIGNATURE.length);
        int position = SIGNATURE.length;
        while (position + CHUNK_OVERHEAD_BYTES <= png.length) {
            long dataBytes = Integer.toUnsignedLong(readInt(png, position));
            if (dataBytes > png.length - position - CHUNK_OVERHEAD_BYTES) {
                throw new InvalidImageException(field, "damaged PNG: it ends in the middle of a chunk");
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
