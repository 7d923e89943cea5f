package deepdash.drawings;

import deepdash.digits.DigitPreprocessor;
import deepdash.digits.LabeledDigit;
import java.time.Instant;
import java.util.Base64;

/**
 * One saved drawing: the digit the user says it is and the 28x28 input made from the canvas, as
 * {@code POST /api/predict} makes it. The canvas PNG itself stays on disk ({@link DrawingStore#png}).
 *
 * @param id random hex, stable across relabelling
 * @param label the digit the user says it is, 0..9
 * @param createdAt when it was saved
 * @param pixels {@value DigitPreprocessor#PIXEL_COUNT} values in 0..1, row-major, white ink on black
 */
public record Drawing(String id, int label, Instant createdAt, float[] pixels) {

    public Drawing {
        // LabeledDigit checks the label and the pixel count; one rule for both.
        new LabeledDigit(id, label, pixels);
    }

    public LabeledDigit asLabeledDigit() {
        return new LabeledDigit(id, label, pixels.clone());
    }

    /** The input as grey levels 0..255, base64: what the pages draw the 28x28 thumbnail from. */
    public String levels() {
        byte[] levels = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            levels[i] = (byte) Math.round(255 * Math.max(0, Math.min(1, pixels[i])));
        }
        return Base64.getEncoder().encodeToString(levels);
    }

    public Drawing withLabel(int newLabel) {
        return new Drawing(id, newLabel, createdAt, pixels);
    }
}
