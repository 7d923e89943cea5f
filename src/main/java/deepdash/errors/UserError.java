package deepdash.errors;

/**
 * A request the user can fix: bad input (400), something that is not there (404), a state that does
 * not allow it (409), too large (413), or the server busy for now (503: try again later). It carries the HTTP status and, when one part of the request
 * is at fault, that part's name ({@code field}), so the web layer maps every feature's errors in one
 * place without knowing the features. Features throw this or a subclass named for their domain.
 *
 * <p>{@link #getMessage()} is written for the user and is shown as is; when there is a field it
 * starts with {@code field + ": "} (an architecture's errors start with the layer instead, which
 * people read more easily than a JSON path: "block 3: kernel 5 does not fit a 3x3 map").
 */
public class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    /**
     * @param status the HTTP status, 4xx or 503
     * @param field the part of the request at fault, or null
     * @param message the whole message for the user
     */
    public UserError(int status, String field, String message) {
        this(status, field, message, null);
    }

    public UserError(int status, String field, String message, Throwable cause) {
        super(message, cause);
        if ((status < 400 || status > 499) && status != 503) {
            throw new IllegalArgumentException("a user error has a 4xx or 503 status, got " + status);
        }
        this.status = status;
        this.field = field;
    }

    /** 400 naming {@code field}: the message reads "field: detail". */
    public static UserError badRequest(String field, String detail) {
        return new UserError(400, field, prefixed(field, detail));
    }

    /** 404 naming {@code field}. */
    public static UserError notFound(String field, String detail) {
        return new UserError(404, field, detail);
    }

    /** "field: detail", or the detail alone when there is no field. */
    public static String prefixed(String field, String detail) {
        return field == null ? detail : field + ": " + detail;
    }

    public int status() {
        return status;
    }

    /** The part of the request at fault, or null. */
    public String field() {
        return field;
    }

    /** The layer of a network at fault ({@code block 3}), for errors about an architecture; else null. */
    public String layer() {
        return null;
    }
}
