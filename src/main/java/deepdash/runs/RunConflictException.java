package deepdash.runs;

import deepdash.errors.UserError;
import deepdash.i18n.Text;

/** The run is not in a state that allows the request (e.g. cancelling a finished run). */
public class RunConflictException extends UserError {

    private static final long serialVersionUID = 1L;

    public RunConflictException(String message) {
        super(409, null, message);
    }

    /** Worded from the bundles: {@code detail}'s key starts with {@code error.}. */
    public RunConflictException(Text detail) {
        super(409, null, detail);
    }
}
