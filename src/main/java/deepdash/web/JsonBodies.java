package deepdash.web;

import deepdash.json.StrictJson;
import io.javalin.http.Context;

/**
 * Reads JSON request bodies strictly ({@link StrictJson}): unknown fields, wrong types, fractional
 * numbers for whole ones and strings for numbers are refused, not guessed at. Each refusal is a 400
 * that names the field, says what was expected and what came, and for an unknown field lists the
 * fields there are.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static <T> T read(Context ctx, Class<T> type) {
        return read(ctx.body(), type);
    }

    /** Reads {@code body} as a {@code type}; see the class comment for what is refused. */
    public static <T> T read(String body, Class<T> type) {
        try {
            return StrictJson.read(body, type);
        } catch (StrictJson.InputException e) {
            throw badRequest(e.field(), e);
        }
    }

    /** A refused JSON input as a 400 naming {@code field}, worded in the reader's language where it can be. */
    public static BadRequestException badRequest(String field, StrictJson.InputException e) {
        return e.text() == null ? new BadRequestException(field, e.getMessage()) : new BadRequestException(field, e.text());
    }
}
