package deepdash.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import deepdash.i18n.Text;
import deepdash.json.Json;
import deepdash.json.StrictJson;

/**
 * Reads a run config's JSON settings into a model's settings record. From a request it is strict:
 * a field the model does not take, or a value of the wrong type, is a 400 naming the field. From a
 * stored run it is lenient, because a file written by another version must still list.
 */
final class SettingsReader {

    private static final String UNKNOWN_FIELD = "error.json.unknown_field";

    private SettingsReader() {
    }

    /**
     * From a request: every field must be one of the record's, of the right type, read by the same
     * strict rules as every request body ({@link StrictJson}: no coercion, no fractional whole numbers).
     */
    static <S extends ModelSettings> S strict(String model, ObjectNode settings, Class<S> type) {
        try {
            return StrictJson.read(settings.toString(), type);
        } catch (StrictJson.InputException e) {
            Text text = e.text();
            if (text != null && text.key().equals(UNKNOWN_FIELD)) {
                // Say whose setting it is not: the same name may be another model's.
                throw new InvalidRunConfigException(e.field(), Text.of("error.settings.unknown_field", model,
                        text.args().get(0), text.args().get(1)));
            }
            throw text == null ? new InvalidRunConfigException(e.field(), e.getMessage())
                    : new InvalidRunConfigException(e.field(), text);
        }
    }

    /** From a stored run: unknown fields are ignored; unreadable settings read as none. */
    static <S extends ModelSettings> S lenient(ObjectNode settings, Class<S> type) {
        try {
            return Json.mapper().treeToValue(settings, type);
        } catch (JsonProcessingException e) {
            try {
                return Json.mapper().treeToValue(Json.mapper().createObjectNode(), type);
            } catch (JsonProcessingException cannotHappen) {
                throw new IllegalStateException(cannotHappen);
            }
        }
    }
}
