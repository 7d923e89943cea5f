package deepdash.errors;

import deepdash.i18n.Messages;
import deepdash.i18n.Text;

/**
 * A request the user can fix: bad input (400), something that is not there (404), a state that does
 * not allow it (409), too large (413), or the server busy for now (503: try again later). It carries the HTTP status and, when one part of the request
 * is at fault, that part's name ({@code field}), so the web layer maps every feature's errors in one
 * place without knowing the features. Features throw this or a subclass named for their domain.
 *
 * <p>{@link #getMessage()} is written for the user and is shown as is; when there is a field it
 * starts with {@code field + ": "} (an architecture's errors start with the layer instead, which
 * people read more easily than a JSON path: "block 3: kernel 5 does not fit a 3x3 map").
 *
 * <p>An error made from a {@link Text} has a stable machine-readable {@link #code()} (its key,
 * less the {@code error.} prefix) and is worded in the reader's language by {@link #message(Messages)};
 * {@link #getMessage()} is the English wording. An error made from a plain string has a code for
 * its status ({@code bad_request}, {@code not_found}...) and reads the same in every language.
 */
public class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The prefix of every error key in the bundles; the code is the key without it. */
    public static final String KEY_PREFIX = "error.";

    private final int status;
    private final String field;
    private final String code;
    private final transient Text text;
    private final boolean prefixField;

    /**
     * @param status the HTTP status, 4xx or 503
     * @param field the part of the request at fault, or null
     * @param message the whole message for the user
     */
    public UserError(int status, String field, String message) {
        this(status, field, message, (Throwable) null);
    }

    public UserError(int status, String field, String message, Throwable cause) {
        super(message, cause);
        checkStatus(status);
        this.status = status;
        this.field = field;
        this.code = codeOf(status);
        this.text = null;
        this.prefixField = true;
    }

    /**
     * An error worded from the bundles; the message reads "field: detail" in the reader's language.
     *
     * @param detail a key under {@code error.} and its arguments
     */
    public UserError(int status, String field, Text detail) {
        this(status, field, detail, null);
    }

    public UserError(int status, String field, Text detail, Throwable cause) {
        this(status, field, detail, cause, true);
    }

    /**
     * @param prefixField whether the message starts with the field ("epochs: must be...") or the
     *     detail says it all ("no run with id ...")
     */
    protected UserError(int status, String field, Text detail, Throwable cause, boolean prefixField) {
        super(prefixField ? prefixed(field, Messages.ENGLISH.format(detail)) : Messages.ENGLISH.format(detail), cause);
        checkStatus(status);
        if (!detail.key().startsWith(KEY_PREFIX)) {
            throw new IllegalArgumentException("an error's key starts with " + KEY_PREFIX + ", got " + detail.key());
        }
        this.status = status;
        this.field = field;
        this.code = detail.key().substring(KEY_PREFIX.length());
        this.text = detail;
        this.prefixField = prefixField;
    }

    private static void checkStatus(int status) {
        if ((status < 400 || status > 499) && status != 503) {
            throw new IllegalArgumentException("a user error has a 4xx or 503 status, got " + status);
        }
    }

    /** 400 naming {@code field}: the message reads "field: detail". */
    public static UserError badRequest(String field, String detail) {
        return new UserError(400, field, prefixed(field, detail));
    }

    /** 400 naming {@code field}, worded from the bundles. */
    public static UserError badRequest(String field, Text detail) {
        return new UserError(400, field, detail);
    }

    /** 404 naming {@code field}. */
    public static UserError notFound(String field, String detail) {
        return new UserError(404, field, detail);
    }

    /** 404 about {@code field}, worded from the bundles as a whole sentence ("run ... has no saved model"). */
    public static UserError notFound(String field, Text detail) {
        return new UserError(404, field, detail, null, false);
    }

    /** "field: detail", or the detail alone when there is no field. */
    public static String prefixed(String field, String detail) {
        return field == null ? detail : field + ": " + detail;
    }

    /** The code of an error that has no key of its own: one per status. */
    public static String codeOf(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 422 -> "unprocessable";
            case 429 -> "too_many_requests";
            case 503 -> "busy";
            default -> status >= 500 ? "internal" : "http_" + status;
        };
    }

    public int status() {
        return status;
    }

    /** The part of the request at fault, or null. */
    public String field() {
        return field;
    }

    /** A stable machine-readable name of what went wrong ({@code settings.out_of_range}), the same in every language. */
    public String code() {
        return code;
    }

    /** The key and arguments this error was worded from, or null for an error made from a plain string. */
    public Text text() {
        return text;
    }

    /** The whole message in the reader's language: {@link #getMessage()} when there is no key to word it from. */
    public String message(Messages messages) {
        return text == null ? getMessage() : prefixedDetail(messages.format(text), messages);
    }

    /** How a worded detail is put after what it is about: the field by default, the layer for an architecture. */
    protected String prefixedDetail(String worded, Messages messages) {
        return prefixField ? prefixed(field, worded) : worded;
    }

    /** The layer of a network at fault ({@code block 3}), for errors about an architecture; else null. */
    public String layer() {
        return null;
    }
}
