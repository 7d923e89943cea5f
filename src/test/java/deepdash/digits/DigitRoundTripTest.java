package deepdash.digits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real MNIST digits drawn on a canvas the way the page would send them must come back close to
 * themselves: the same path the end-to-end accuracy check takes.
 */
class DigitRoundTripTest {

    private static final int DIGITS = 100;

    private final CanvasImageDecoder decoder = new CanvasImageDecoder();
    private final DigitPreprocessor preprocessor = new DigitPreprocessor();
    private final List<float[]> mnist = MnistSamples.firstTestImages(DIGITS);

    @Test
    void rendererDrawsTransparentCanvasWithInkInAlpha() {
        BufferedImage canvas = decoder.decode(DigitPngRenderer.toDataUrl(mnist.get(0)));

        assertThat(canvas.getWidth()).isEqualTo(DigitPngRenderer.CANVAS_SIDE_PIXELS);
        assertThat(canvas.getHeight()).isEqualTo(DigitPngRenderer.CANVAS_SIDE_PIXELS);
        assertThat(canvas.getColorModel().hasAlpha()).isTrue();
        assertThat(canvas.getRGB(0, 0) >>> 24).isZero();
        assertThat(DigitPreprocessor.detectStyle(canvas)).isEqualTo(CanvasStyle.TRANSPARENT);
    }

    @Test
    void mnistDigitsSurviveTheCanvasRoundTrip() {
        double totalDifference = 0;
        for (int i = 0; i < mnist.size(); i++) {
            float[] original = mnist.get(i);
            float[] roundTrip = preprocessor.toMnistPixels(decoder.decode(DigitPngRenderer.toDataUrl(original)));

            // Re-centring may land a pixel away from where MNIST put the digit (both round the
            // centre of mass to whole pixels), so judge the shape at the best one-pixel alignment.
            assertThat(bestAlignedDifference(original, roundTrip))
                    .as("digit %d\n%s\n%s", i, PixelStats.picture(original), PixelStats.picture(roundTrip))
                    .isLessThan(0.07);
            DigitPreprocessorTest.assertMnistShaped(roundTrip);
            totalDifference += PixelStats.meanAbsoluteDifference(original, roundTrip);
        }
        assertThat(totalDifference / mnist.size()).isLessThan(0.04);
    }

    @Test
    void allCanvasStylesGiveTheSameInput() {
        for (float[] original : mnist.subList(0, 10)) {
            float[] transparent = roundTrip(original, CanvasStyle.TRANSPARENT);

            // Not bit-identical: luminance weights and 1 - L round differently from alpha in float.
            assertThat(roundTrip(original, CanvasStyle.DARK_ON_LIGHT)).containsExactly(transparent, within(1e-4f));
            assertThat(roundTrip(original, CanvasStyle.LIGHT_ON_DARK)).containsExactly(transparent, within(1e-4f));
        }
    }

    private float[] roundTrip(float[] original, CanvasStyle style) {
        BufferedImage canvas = DigitPngRenderer.render(original, DigitPngRenderer.CANVAS_SIDE_PIXELS, style);
        return preprocessor.toMnistPixels(decoder.decode(DigitPngRenderer.toDataUrl(canvas)));
    }

    private static double bestAlignedDifference(float[] expected, float[] actual) {
        int side = DigitPreprocessor.SIDE_PIXELS;
        double best = Double.MAX_VALUE;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                float[] shifted = new float[actual.length];
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        int fromX = x - dx;
                        int fromY = y - dy;
                        if (fromX >= 0 && fromY >= 0 && fromX < side && fromY < side) {
                            shifted[y * side + x] = actual[fromY * side + fromX];
                        }
                    }
                }
                best = Math.min(best, PixelStats.meanAbsoluteDifference(expected, shifted));
            }
        }
        return best;
    }
}
