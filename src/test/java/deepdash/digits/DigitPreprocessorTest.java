package deepdash.digits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import deepdash.digits.SyntheticCanvas.Glyph;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class DigitPreprocessorTest {

    private static final String EMPTY = "draw a digit first: the canvas is empty";

    private final DigitPreprocessor preprocessor = new DigitPreprocessor();
    private final CanvasImageDecoder decoder = new CanvasImageDecoder();

    static Stream<Arguments> stylesAndGlyphs() {
        return Arrays.stream(CanvasStyle.values())
                .flatMap(style -> Stream.of(Glyph.SEVEN, Glyph.FOUR).map(glyph -> Arguments.of(style, glyph)));
    }

    @ParameterizedTest
    @EnumSource(CanvasStyle.class)
    void detectsCanvasStyle(CanvasStyle style) {
        BufferedImage canvas = SyntheticCanvas.draw(Glyph.SEVEN, style, 280, 40, 30, 200);

        assertThat(DigitPreprocessor.detectStyle(decoder.decode(DigitPngRenderer.toDataUrl(canvas)))).isEqualTo(style);
    }

    @ParameterizedTest
    @MethodSource("stylesAndGlyphs")
    void shiftedAndScaledCopiesAgree(CanvasStyle style, Glyph glyph) {
        float[] smallInCorner = viaPng(SyntheticCanvas.draw(glyph, style, 280, 8, 10, 80));
        float[] largeInCentre = viaPng(SyntheticCanvas.draw(glyph, style, 280, 30, 25, 230));
        float[] offCentreOnLargerCanvas = viaPng(SyntheticCanvas.draw(glyph, style, 400, 173.3, 181.7, 200));

        assertThat(PixelStats.meanAbsoluteDifference(smallInCorner, largeInCentre))
                .as("small vs large\n%s\n%s", PixelStats.picture(smallInCorner), PixelStats.picture(largeInCentre))
                .isLessThan(0.05);
        assertThat(PixelStats.meanAbsoluteDifference(smallInCorner, offCentreOnLargerCanvas))
                .as("small vs larger canvas\n%s\n%s",
                        PixelStats.picture(smallInCorner), PixelStats.picture(offCentreOnLargerCanvas))
                .isLessThan(0.05);
        for (float[] pixels : new float[][] {smallInCorner, largeInCentre, offCentreOnLargerCanvas}) {
            assertMnistShaped(pixels);
        }
    }

    @ParameterizedTest
    @EnumSource(CanvasStyle.class)
    void keepsAspectRatioOfTallDigit(CanvasStyle style) {
        float[] one = preprocessor.toMnistPixels(SyntheticCanvas.draw(Glyph.ONE, style, 280, 20, 20, 240));

        PixelStats.Box box = PixelStats.inkBox(one);
        assertThat(box.heightPixels()).isEqualTo(20);
        // The glyph is 0.14 + 0.12 stroke wide and 0.8 + 0.12 tall: about 5.7 of 20 pixels.
        assertThat(box.widthPixels()).isBetween(5, 8);
        assertMnistShaped(one);
    }

    @ParameterizedTest
    @EnumSource(CanvasStyle.class)
    void refusesEmptyCanvas(CanvasStyle style) {
        BufferedImage blank = SyntheticCanvas.blank(280, style);

        assertThatThrownBy(() -> preprocessor.toMnistPixels(decoder.decode(DigitPngRenderer.toDataUrl(blank))))
                .isInstanceOf(InvalidDigitInputException.class)
                .hasMessage(EMPTY);
    }

    @Test
    void refusesStrayPixels() {
        BufferedImage canvas = SyntheticCanvas.blank(280, CanvasStyle.DARK_ON_LIGHT);
        canvas.setRGB(100, 100, 0xff000000);
        canvas.setRGB(200, 40, 0xff000000);

        assertThatThrownBy(() -> preprocessor.toMnistPixels(canvas))
                .isInstanceOf(InvalidDigitInputException.class)
                .hasMessage(EMPTY);
    }

    @Test
    void refusesInkTooFaintToTellFromBackground() {
        BufferedImage canvas = SyntheticCanvas.drawOn(SyntheticCanvas.blank(280, CanvasStyle.DARK_ON_LIGHT),
                Glyph.SEVEN, new Color(240, 240, 240), 40, 30, 200, 24);

        assertThatThrownBy(() -> preprocessor.toMnistPixels(canvas))
                .isInstanceOf(InvalidDigitInputException.class)
                .hasMessage(EMPTY);
    }

    @Test
    void offWhitePaperAndGreyPencilReadLikeBlackOnWhite() {
        float[] clean = preprocessor.toMnistPixels(
                SyntheticCanvas.draw(Glyph.FOUR, CanvasStyle.DARK_ON_LIGHT, 280, 40, 30, 200));
        BufferedImage paper = SyntheticCanvas.drawOn(SyntheticCanvas.filled(280, new Color(225, 222, 215)),
                Glyph.FOUR, new Color(90, 90, 95), 40, 30, 200, SyntheticCanvas.STROKE_SHARE * 200);

        float[] pencil = preprocessor.toMnistPixels(paper);

        assertThat(DigitPreprocessor.detectStyle(paper)).isEqualTo(CanvasStyle.DARK_ON_LIGHT);
        assertThat(PixelStats.meanAbsoluteDifference(clean, pencil)).isLessThan(0.02);
    }

    @Test
    void thinStrokeOnLargeCanvasStillReachesFullIntensity() {
        // A 3-pixel line on a 2048 canvas covers a seventh of a pixel after scaling to the 20x20 box.
        BufferedImage canvas = SyntheticCanvas.drawOn(SyntheticCanvas.blank(2048, CanvasStyle.TRANSPARENT),
                Glyph.SEVEN, Color.BLACK, 200, 150, 1500, 3);

        float[] pixels = preprocessor.toMnistPixels(canvas);

        assertMnistShaped(pixels);
        assertThat(PixelStats.max(pixels)).isEqualTo(1f);
    }

    @Test
    void downscalesWithoutAliasing() {
        // One-pixel stripes, about 14 to an output pixel: sampling (nearest or a single bilinear
        // step) would return whole black or white columns; area averaging returns even grey.
        int width = 280;
        int height = 3;
        float[] stripes = new float[width * height];
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = i % width % 2;
        }

        float[] evenRatio = DigitPreprocessor.resize(stripes, width, height, 20, height);
        float[] unevenRatio = DigitPreprocessor.resize(stripes, width, height, 19, height);

        for (float value : evenRatio) {
            assertThat(value).isCloseTo(0.5f, within(1e-4f));
        }
        for (float value : unevenRatio) {
            assertThat(value).isCloseTo(0.5f, within(0.04f));
        }
    }

    @Test
    void readsGreyscalePngLevelsAsStored() {
        // A grey PNG decodes to a linear-grey image whose getRGB would brighten mid greys (128 -> ~188).
        float[] digit = MnistSamples.firstTestImages(1).get(0);
        BufferedImage grey = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage argb = new BufferedImage(28, 28, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < digit.length; i++) {
            int level = Math.round(digit[i] * 255);
            grey.getRaster().setSample(i % 28, i / 28, 0, level);
            argb.setRGB(i % 28, i / 28, 0xff000000 | level << 16 | level << 8 | level);
        }
        BufferedImage decodedGrey = decoder.decode(DigitPngRenderer.toDataUrl(grey));

        assertThat(decodedGrey.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(preprocessor.toMnistPixels(decodedGrey))
                .containsExactly(preprocessor.toMnistPixels(argb), within(1e-6f));
    }

    @Test
    void rejectsNothingItProduces() {
        float[] pixels = preprocessor.toMnistPixels(
                SyntheticCanvas.draw(Glyph.SEVEN, CanvasStyle.TRANSPARENT, 280, 40, 30, 200));

        DigitPreprocessor.validatePixels(pixels);
    }

    private float[] viaPng(BufferedImage canvas) {
        return preprocessor.toMnistPixels(decoder.decode(DigitPngRenderer.toDataUrl(canvas)));
    }

    /**
     * What MNIST promises: 0..1, the digit in a 20x20 box touching it on the longer side, the centre
     * of mass within half a pixel of (14, 14) (plus the thousandth the preprocessor rounds to first).
     */
    static void assertMnistShaped(float[] pixels) {
        assertThat(pixels).hasSize(DigitPreprocessor.PIXEL_COUNT);
        for (float value : pixels) {
            assertThat(value).isBetween(0f, 1f);
        }
        PixelStats.Box box = PixelStats.inkBox(pixels);
        assertThat(box.widthPixels()).isLessThanOrEqualTo(20);
        assertThat(box.heightPixels()).isLessThanOrEqualTo(20);
        assertThat(Math.max(box.widthPixels(), box.heightPixels())).isEqualTo(20);
        PixelStats.Point centre = PixelStats.centreOfMass(pixels);
        assertThat(centre.x()).isCloseTo(14, within(0.5 + 1e-3));
        assertThat(centre.y()).isCloseTo(14, within(0.5 + 1e-3));
    }
}
