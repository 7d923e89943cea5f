package deepdash.digits;

/**
 * How a canvas image encodes ink, as detected by {@link DigitPreprocessor}.
 */
public enum CanvasStyle {
    /** Transparent background; the strokes' opacity (alpha) is the ink, whatever their colour. */
    TRANSPARENT,
    /** Opaque light background with dark strokes: ink is one minus luminance. */
    DARK_ON_LIGHT,
    /** Opaque dark background with light strokes, as MNIST itself: ink is luminance. */
    LIGHT_ON_DARK
}
