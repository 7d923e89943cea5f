package deepdash.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import deepdash.json.Json;
import io.javalin.http.Context;
import java.util.stream.Collectors;

/** Reads JSON request bodies, turning Jackson's complaints into a 400 that names the field. */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static <T> T read(Context ctx, Class<T> type) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw new BadRequestException("body", "expected a JSON object, got an empty body");
        }
        try {
            T value = Json.mapper().readValue(body, type);
            if (value == null) {
                throw new BadRequestException("body", "expected a JSON object, got null");
            }
            return value;
        } catch (MismatchedInputException e) {
            String field = fieldOf(e);
            throw new BadRequestException(field.isEmpty() ? "body" : field,
                    "has the wrong type" + (e.getTargetType() == null ? ""
                            : " (expected " + describe(e.getTargetType()) + ")"));
        } catch (JsonMappingException e) {
            String field = fieldOf(e);
            throw new BadRequestException(field.isEmpty() ? "body" : field, e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new BadRequestException("body", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String fieldOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
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
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
