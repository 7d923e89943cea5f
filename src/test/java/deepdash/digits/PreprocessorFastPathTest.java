package deepdash.digits;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.digits.SyntheticCanvas.Glyph;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The preprocessor reads 8-bit RGBA and RGB rasters byte by byte instead of through {@code getRGB}:
 * the result must be exactly the same, whatever the canvas style.
 */
class PreprocessorFastPathTest {

    private final DigitPreprocessor preprocessor = new DigitPreprocessor();
    private final CanvasImageDecoder decoder = new CanvasImageDecoder();

    private static BufferedImage copy(BufferedImage image, int type) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D graphics = copy.createGraphics();
        graphics.drawImage(image, 0, 0, null);
        graphics.dispose();
        return copy;
    }

    @ParameterizedTest
    @EnumSource(CanvasStyle.class)
    void bytesReadDirectlyGiveWhatGetRgbGives(CanvasStyle style) {
        BufferedImage canvas = SyntheticCanvas.draw(Glyph.SEVEN, style, 280, 40, 30, 200);
        // What ImageIO makes of a canvas export: TYPE_4BYTE_ABGR, read on the fast path.
        BufferedImage decoded = decoder.decode(DigitPngRenderer.toDataUrl(canvas));
        assertThat(decoded.getType()).isEqualTo(BufferedImage.TYPE_4BYTE_ABGR);
        // The same pixels as ints, read through getRGB.
        BufferedImage viaGetRgb = copy(decoded, BufferedImage.TYPE_INT_ARGB);

        assertThat(preprocessor.toMnistPixels(decoded)).containsExactly(preprocessor.toMnistPixels(viaGetRgb));
        if (style != CanvasStyle.TRANSPARENT) {
            BufferedImage opaque = copy(decoded, BufferedImage.TYPE_3BYTE_BGR);
            assertThat(preprocessor.toMnistPixels(opaque))
                    .containsExactly(preprocessor.toMnistPixels(copy(opaque, BufferedImage.TYPE_INT_RGB)));
        }
    }
}
