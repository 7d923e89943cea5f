package deepdash.runs;

import deepdash.errors.UserError;

/** The run is not in a state that allows the request (e.g. cancelling a finished run). */
public class RunConflictException extends UserError {

    private static final long serialVersionUID = 1L;

    public RunConflictException(String message) {
        super(409, null, message);
    }
}
