package deepdash.mistakes;

import deepdash.i18n.Text;
import deepdash.web.BadRequestException;
import io.javalin.http.Context;

/** Whole-number query parameters in a range; anything else is a 400 naming the parameter. */
final class QueryParams {

    private QueryParams() {
    }

    static int required(Context ctx, String name, int min, int max) {
        Integer value = optional(ctx, name, min, max);
        if (value == null) {
            throw new BadRequestException(name, Text.of("error.query.required", min, max));
        }
        return value;
    }

    static int optional(Context ctx, String name, int min, int max, int fallback) {
        Integer value = optional(ctx, name, min, max);
        return value == null ? fallback : value;
    }

    private static Integer optional(Context ctx, String name, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name, Text.of("error.query.whole_from", min, max, text));
        }
        if (value < min || value > max) {
            throw new BadRequestException(name, Text.of("error.query.from_to", min, max, value));
        }
        return value;
    }
}
