package deepdash.explore;

import deepdash.i18n.Messages;
import java.util.Base64;

/**
 * Input of {@code explore/digit.jte}: one digit as its matrix of values beside its heat map.
 *
 * @param digit the image
 */
public record DigitDetailView(MnistDigit digit) {

    /** {@link #title()} in {@code t}'s language. */
    public String title(Messages t) {
        return t.get("explore.digitTitle", t.get("mnist.split." + digit.split()), digit.index(), digit.label());
    }

    /** "test digit 0, label 7". */
    public String title() {
        return digit.split() + " digit " + digit.index() + ", label " + digit.label();
    }

    /** The table cell's shade class: {@code v0} (0..31) to {@code v7} (224..255). */
    public String shade(int value) {
        return "v" + (value >> 5);
    }

    /** The pixels as base64 bytes, row-major, for the heat map canvas. */
    public String pixelsBase64() {
        int rows = digit.pixels().length;
        int columns = rows == 0 ? 0 : digit.pixels()[0].length;
        byte[] raw = new byte[rows * columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                raw[r * columns + c] = (byte) digit.pixels()[r][c];
            }
        }
        return Base64.getEncoder().encodeToString(raw);
    }

    public int rows() {
        return digit.shape().get(0);
    }

    public int columns() {
        return digit.shape().get(1);
    }

    public String apiUrl() {
        return ExploreController.API_DIGITS + "/" + digit.split() + "/" + digit.index();
    }
}
