package deepdash.runs;

import deepdash.errors.UserError;
import deepdash.i18n.Text;

/** A run's name or notes that cannot be kept: too long, or holding control characters. */
public class InvalidRunLabelException extends UserError {

    private static final long serialVersionUID = 1L;

    public InvalidRunLabelException(String field, String detail) {
        super(400, field, prefixed(field, detail));
    }

    /** Worded from the bundles: {@code detail}'s key starts with {@code error.}. */
    public InvalidRunLabelException(String field, Text detail) {
        super(400, field, detail);
    }
}
