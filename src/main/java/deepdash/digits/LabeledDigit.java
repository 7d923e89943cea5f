package deepdash.digits;

/**
 * One labelled 28x28 digit as the CNN reads it: {@link DigitPreprocessor#PIXEL_COUNT} values in
 * 0..1, row by row, white ink on black, like MNIST's scaled pixels. The personal test set (the
 * user's saved drawings) is a list of these; evaluation reads them without knowing where they are kept.
 *
 * @param id the drawing's id, stable across relabelling
 * @param label the digit the user says it is, 0..9
 */
public record LabeledDigit(String id, int label, float[] pixels) {

    public LabeledDigit {
        if (label < 0 || label > 9) {
            throw new IllegalArgumentException("label must be 0..9, was " + label);
        }
        if (pixels.length != DigitPreprocessor.PIXEL_COUNT) {
            throw new IllegalArgumentException("a digit has " + DigitPreprocessor.PIXEL_COUNT + " pixels, not "
                    + pixels.length);
        }
    }
}
