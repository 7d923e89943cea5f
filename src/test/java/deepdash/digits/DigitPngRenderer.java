package deepdash.digits;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * Renders a 28x28 MNIST digit the way a browser canvas would export it, for tests.
 *
 * <p>The digit is upscaled with bilinear interpolation, so strokes have soft edges like a drawn
 * line rather than 10x10 blocks. It lives in the test sources (it is not production code) but is
 * public so HTTP-level and end-to-end tests in other packages can post what a browser would.
 */
public final class DigitPngRenderer {

    /** The size of the drawing canvas on the page. */
    public static final int CANVAS_SIDE_PIXELS = 280;

    private static final int SIDE = DigitPreprocessor.SIDE_PIXELS;

    private DigitPngRenderer() {
    }

    /**
     * @param pixels 784 MNIST values in 0..1, white digit on black
     * @return a {@code data:image/png;base64,...} URL of a 280x280 transparent canvas with dark ink
     */
    public static String toDataUrl(float[] pixels) {
        return toDataUrl(render(pixels, CANVAS_SIDE_PIXELS, CanvasStyle.TRANSPARENT));
    }

    /**
     * @param pixels            784 MNIST values in 0..1, white digit on black
     * @param canvasSidePixels  width and height of the result
     * @param style             how the ink is drawn
     * @return an ARGB image, as a canvas export decodes to
     */
    public static BufferedImage render(float[] pixels, int canvasSidePixels, CanvasStyle style) {
        DigitPreprocessor.validatePixels(pixels);
        BufferedImage image = new BufferedImage(canvasSidePixels, canvasSidePixels, BufferedImage.TYPE_INT_ARGB);
        double sourcePerTarget = (double) SIDE / canvasSidePixels;
        for (int y = 0; y < canvasSidePixels; y++) {
            for (int x = 0; x < canvasSidePixels; x++) {
                double ink = bilinear(pixels, (x + 0.5) * sourcePerTarget - 0.5, (y + 0.5) * sourcePerTarget - 0.5);
                int level = (int) Math.round(ink * 255);
                int argb = switch (style) {
                    // Near-black ink, as canvas demos use; the colour is irrelevant, only alpha counts.
                    case TRANSPARENT -> level << 24 | 0x101010;
                    case DARK_ON_LIGHT -> opaqueGrey(255 - level);
                    case LIGHT_ON_DARK -> opaqueGrey(level);
                };
                image.setRGB(x, y, argb);
            }
        }
        return image;
    }

    /** @return the image as a {@code data:image/png;base64,...} URL */
    public static String toDataUrl(BufferedImage image) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(toPng(image));
    }

    /** @return the image encoded as PNG bytes */
    public static byte[] toPng(BufferedImage image) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            if (!ImageIO.write(image, "png", png)) {
                throw new IllegalStateException("no PNG writer for image type " + image.getType());
            }
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Samples the 28x28 digit at a fractional position; outside it is background (0). */
    private static double bilinear(float[] pixels, double x, double y) {
        int left = (int) Math.floor(x);
        int top = (int) Math.floor(y);
        double dx = x - left;
        double dy = y - top;
        return (1 - dy) * ((1 - dx) * at(pixels, left, top) + dx * at(pixels, left + 1, top))
                + dy * ((1 - dx) * at(pixels, left, top + 1) + dx * at(pixels, left + 1, top + 1));
    }

    private static double at(float[] pixels, int x, int y) {
        return x < 0 || y < 0 || x >= SIDE || y >= SIDE ? 0 : pixels[y * SIDE + x];
    }

    private static int opaqueGrey(int level) {
        return 0xff000000 | level << 16 | level << 8 | level;
    }
}
