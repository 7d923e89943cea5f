package deepdash.runs;

import deepdash.errors.UserError;

/** A run's name or notes that cannot be kept: too long, or holding control characters. */
public class InvalidRunLabelException extends UserError {

    private static final long serialVersionUID = 1L;

    public InvalidRunLabelException(String field, String detail) {
        super(400, field, prefixed(field, detail));
    }
}
