package deepdash.runs;

/** The run is not in a state that allows the request (e.g. cancelling a finished run). */
public class RunConflictException extends RuntimeException {

    public RunConflictException(String message) {
        super(message);
    }
}
