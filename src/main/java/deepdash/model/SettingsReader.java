package deepdash.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import deepdash.json.Json;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a run config's JSON settings into a model's settings record. From a request it is strict:
 * a field the model does not take, or a value of the wrong type, is a 400 naming the field. From a
 * stored run it is lenient, because a file written by another version must still list.
 */
final class SettingsReader {

    private SettingsReader() {
    }

    /** From a request: every field must be one of the record's, of the right type. */
    static <S extends ModelSettings> S strict(String model, ObjectNode settings, Class<S> type) {
        List<String> known = Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
        for (Iterator<Map.Entry<String, JsonNode>> it = settings.fields(); it.hasNext(); ) {
            String field = it.next().getKey();
            if (!known.contains(field)) {
                throw new InvalidRunConfigException(field, "is not a setting of the " + model + " model; it takes "
                        + String.join(", ", known));
            }
        }
        try {
            return Json.mapper().treeToValue(settings, type);
        } catch (MismatchedInputException e) {
            throw new InvalidRunConfigException(fieldOf(e), "has the wrong type"
                    + (e.getTargetType() == null ? "" : " (expected " + describe(e.getTargetType()) + ")"));
        } catch (JsonMappingException e) {
            throw new InvalidRunConfigException(fieldOf(e), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidRunConfigException("body", e.getOriginalMessage());
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

    private static String fieldOf(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "body" : path;
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object";
    }
}
