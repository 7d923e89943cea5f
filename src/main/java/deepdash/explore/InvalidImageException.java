package deepdash.explore;

import deepdash.errors.UserError;
import deepdash.i18n.Text;

/**
 * An image the inspector cannot read: not a PNG or JPEG, damaged, too large. The message names the
 * request part it came in ({@code file} or {@code image}) and is written for the person who sent it.
 */
public class InvalidImageException extends UserError {

    private static final long serialVersionUID = 1L;

    public InvalidImageException(String field, String detail) {
        super(400, field, prefixed(field, detail));
    }

    public InvalidImageException(String field, String detail, Throwable cause) {
        super(400, field, prefixed(field, detail), cause);
    }

    /** Worded from the bundles: {@code detail}'s key starts with {@code error.}. */
    public InvalidImageException(String field, Text detail) {
        super(400, field, detail);
    }

    public InvalidImageException(String field, Text detail, Throwable cause) {
        super(400, field, detail, cause);
    }
}
