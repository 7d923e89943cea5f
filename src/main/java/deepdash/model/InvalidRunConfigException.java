package deepdash.model;

import deepdash.errors.UserError;
import deepdash.i18n.Text;

/** A run setting a user got wrong; {@link #field()} names it so the form can point at it. */
public class InvalidRunConfigException extends UserError {

    private static final long serialVersionUID = 1L;

    public InvalidRunConfigException(String field, String message) {
        super(400, field, field + ": " + message);
    }

    /** Worded from the bundles: {@code detail}'s key starts with {@code error.}. */
    public InvalidRunConfigException(String field, Text detail) {
        super(400, field, detail);
    }
}
