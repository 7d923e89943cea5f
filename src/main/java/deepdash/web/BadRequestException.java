package deepdash.web;

import deepdash.errors.UserError;
import deepdash.i18n.Text;

/** Input the server refuses; {@code field} names the part of the request that is wrong. */
public class BadRequestException extends UserError {

    private static final long serialVersionUID = 1L;

    public BadRequestException(String field, String message) {
        this(400, field, message);
    }

    public BadRequestException(int status, String field, String message) {
        super(status, field, prefixed(field, message));
    }

    /** Worded from the bundles: {@code detail}'s key starts with {@code error.}. */
    public BadRequestException(String field, Text detail) {
        this(400, field, detail);
    }

    public BadRequestException(int status, String field, Text detail) {
        super(status, field, detail);
    }
}
