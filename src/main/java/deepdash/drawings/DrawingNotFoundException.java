package deepdash.drawings;

import deepdash.errors.UserError;
import deepdash.i18n.Text;

/** No saved drawing has this id (or the id is not one DeepDash could have made). */
public class DrawingNotFoundException extends UserError {

    private static final long serialVersionUID = 1L;

    public DrawingNotFoundException(String id) {
        super(404, "id", Text.of("error.drawing.not_found", shown(id)), null, false);
    }

    private static String shown(String id) {
        return id == null ? "" : id.length() > 40 ? id.substring(0, 40) + "…" : id;
    }
}
