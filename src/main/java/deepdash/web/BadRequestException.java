package deepdash.web;

/** Input the server refuses; {@code field} names the part of the request that is wrong. */
public class BadRequestException extends RuntimeException {

    private final String field;
    private final int status;

    public BadRequestException(String field, String message) {
        this(400, field, message);
    }

    public BadRequestException(int status, String field, String message) {
        super(field == null ? message : field + ": " + message);
        this.field = field;
        this.status = status;
    }

    public String field() {
        return field;
    }

    public int status() {
        return status;
    }
}
