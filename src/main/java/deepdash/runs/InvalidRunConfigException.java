package deepdash.runs;

/** A run setting a user got wrong; {@link #field()} names it so the form can point at it. */
public class InvalidRunConfigException extends RuntimeException {

    private final String field;

    public InvalidRunConfigException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
