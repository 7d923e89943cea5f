package deepdash.explore;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images of known content, written with ImageIO (or by hand, for headers that lie about their size). */
final class TestImages {

    private TestImages() {
    }

    /** 32x32 RGB: red = 8x (0..248), green = 255 - 8y (7..255), blue 100. */
    static BufferedImage rgb32() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                image.setRGB(x, y, (8 * x) << 16 | (255 - 8 * y) << 8 | 100);
            }
        }
        return image;
    }

    /** Grey values 20 + x + y, so 20..82 on 32x32. */
    static BufferedImage grey32() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                raster.setSample(x, y, 0, 20 + x + y);
            }
        }
        return image;
    }

    /** 24 wide, 16 high, RGBA: opaque on the left half, alpha 0 on the right; colour (10, 20, 30). */
    static BufferedImage rgba() {
        BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 24; x++) {
                int alpha = x < 12 ? 255 : 0;
                image.setRGB(x, y, alpha << 24 | 10 << 16 | 20 << 8 | 30);
            }
        }
        return image;
    }

    /** A four-colour palette image, 8x8: red, green, blue and white in quarters. */
    static BufferedImage palette() {
        byte[] r = {(byte) 255, 0, 0, (byte) 255};
        byte[] g = {0, (byte) 255, 0, (byte) 255};
        byte[] b = {0, 0, (byte) 255, (byte) 255};
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(2, 4, r, g, b));
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                raster.setSample(x, y, 0, (y / 4) * 2 + x / 4);
            }
        }
        return image;
    }

    static byte[] png(BufferedImage image) {
        return write(image, "png");
    }

    static byte[] jpeg(BufferedImage image) {
        return write(image, "jpg");
    }

    static String dataUrl(String type, byte[] bytes) {
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /** A PNG signature and a valid IHDR declaring this size (8-bit RGBA), then IEND: no pixels. */
    static byte[] pngHeaderOnly(int widthPixels, int heightPixels) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(widthPixels).putInt(heightPixels)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
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

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
