package deepdash.runs;

/** No run has this id (or the id is not one DeepDash could have made). */
public class RunNotFoundException extends RuntimeException {

    public RunNotFoundException(String id) {
        super("no run with id \"" + id + "\"");
    }
}
