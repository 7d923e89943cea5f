package deepdash.digits;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DigitPixelValidationTest {

    @Test
    void acceptsValuesFromZeroToOne() {
        float[] floats = new float[784];
        double[] doubles = new double[784];
        Arrays.fill(floats, 0, 392, 1f);
        Arrays.fill(doubles, 392, 784, 1.0);
        floats[500] = 0.5f;

        assertThatCode(() -> DigitPreprocessor.validatePixels(floats)).doesNotThrowAnyException();
        assertThatCode(() -> DigitPreprocessor.validatePixels(doubles)).doesNotThrowAnyException();
    }

    @Test
    void refusesWrongLength() {
        assertThatThrownBy(() -> DigitPreprocessor.validatePixels(new float[783]))
                .isInstanceOf(InvalidDigitInputException.class)
                .hasMessage("pixels: expected 784 values (28x28), got 783");
        assertThatThrownBy(() -> DigitPreprocessor.validatePixels(new double[0]))
                .hasMessage("pixels: expected 784 values (28x28), got 0");
        assertThatThrownBy(() -> DigitPreprocessor.validatePixels((float[]) null))
                .isInstanceOf(InvalidDigitInputException.class)
                .hasMessage("pixels: expected 784 values (28x28), got none");
    }

    @Test
    void refusesNaN() {
        float[] pixels = new float[784];
        pixels[5] = Float.NaN;

        assertThatThrownBy(() -> DigitPreprocessor.validatePixels(pixels))
                .isInstanceOf(InvalidDigitInputException.class)
                .hasMessage("pixels[5] is NaN");
    }

    @Test
    void refusesInfinity() {
        double[] pixels = new double[784];
        pixels[783] = Double.NEGATIVE_INFINITY;

        assertThatThrownBy(() -> DigitPreprocessor.validatePixels(pixels))
                .isInstanceOf(InvalidDigitInputException.class)
                .hasMessage("pixels[783] is infinite");
    }

    @Test
    void refusesValuesOutsideZeroToOneAsWritten() {
        float[] floats = new float[784];
        floats[3] = 1.7f;
        double[] doubles = new double[784];
        doubles[0] = -0.5;

        assertThatThrownBy(() -> DigitPreprocessor.validatePixels(floats))
                .isInstanceOf(InvalidDigitInputException.class)
                .hasMessage("pixels[3] = 1.7 is outside 0..1");
        assertThatThrownBy(() -> DigitPreprocessor.validatePixels(doubles))
                .hasMessage("pixels[0] = -0.5 is outside 0..1");
    }

    @Test
    void namesTheFirstBadPixel() {
        float[] pixels = new float[784];
        pixels[10] = 2f;
        pixels[20] = Float.NaN;

        assertThatThrownBy(() -> DigitPreprocessor.validatePixels(pixels))
                .hasMessage("pixels[10] = 2.0 is outside 0..1");
    }
}
