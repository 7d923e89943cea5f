package deepdash.runs;

import deepdash.errors.UserError;
import deepdash.i18n.Text;

/** No run has this id (or the id is not one DeepDash could have made). */
public class RunNotFoundException extends UserError {

    private static final long serialVersionUID = 1L;

    public RunNotFoundException(String id) {
        super(404, "id", Text.of("error.run.not_found", id), null, false);
    }
}
