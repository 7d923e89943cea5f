package deepdash.digits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * Complete, valid PNG files of any size and bit depth, written by hand: ImageIO would need the
 * whole raster in memory first (32 MB for 2048x2048 16-bit RGBA), and these compress to kilobytes.
 */
final class GeneratedPngs {

    /** PNG colour type 6: red, green, blue and alpha, as a canvas exports. */
    static final int RGBA = 6;

    private GeneratedPngs() {
    }

    /**
     * An RGBA image whose every pixel is the same dark, opaque grey: what a costly but well-formed
     * upload looks like. Each scan line is filtered with "none".
     */
    static byte[] rgba(int widthPixels, int heightPixels, int bitDepth) {
        int bytesPerPixel = 4 * bitDepth / 8;
        byte[] line = new byte[1 + widthPixels * bytesPerPixel];
        for (int x = 0; x < widthPixels; x++) {
            // Opaque alpha: the last channel's bytes are all 0xFF; colour channels stay 0.
            for (int b = 0; b < bitDepth / 8; b++) {
                line[1 + x * bytesPerPixel + 3 * bitDepth / 8 + b] = (byte) 0xFF;
            }
        }
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflated = new DeflaterOutputStream(pixels)) {
            for (int y = 0; y < heightPixels; y++) {
                deflated.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(widthPixels).putInt(heightPixels)
                .put((byte) bitDepth).put((byte) RGBA).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", header.array());
        chunk(png, "IDAT", pixels.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** A PNG signature and an IHDR chunk (valid CRC) declaring the given size, then IEND: no pixels at all. */
    static byte[] headerOnly(int widthPixels, int heightPixels) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(widthPixels).putInt(heightPixels)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    static String dataUrl(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
