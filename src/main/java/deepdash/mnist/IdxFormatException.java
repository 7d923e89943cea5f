package deepdash.mnist;

/** A data file that is not the IDX file it claims to be; the message names the file. */
public class IdxFormatException extends RuntimeException {

    public IdxFormatException(String message) {
        super(message);
    }

    public IdxFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
