package deepdash.digits;

import deepdash.errors.UserError;
import deepdash.i18n.Text;

/**
 * Thrown when a drawn digit (a canvas PNG or a pixel array) cannot be used as model input.
 *
 * <p>The message is written for the person drawing, not for a log reader: it names the part of
 * the input at fault ("image: ...", "pixels: ...") and what was expected, so the web layer can
 * show it as is.
 */
public class InvalidDigitInputException extends UserError {

    private static final long serialVersionUID = 1L;

    /**
     * @param message user-facing description of what is wrong with the input
     */
    public InvalidDigitInputException(String message) {
        super(400, null, message);
    }

    /**
     * @param message user-facing description of what is wrong with the input
     * @param cause   the low-level failure, kept for the server log
     */
    public InvalidDigitInputException(String message, Throwable cause) {
        super(400, null, message, cause);
    }

    /** Worded from the bundles: {@code detail}'s key starts with {@code error.}. */
    public InvalidDigitInputException(Text detail) {
        super(400, null, detail);
    }

    public InvalidDigitInputException(Text detail, Throwable cause) {
        super(400, null, detail, cause);
    }
}
