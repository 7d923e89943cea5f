package deepdash.web;

import deepdash.i18n.Text;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed access to form fields; a value that is not what the field needs is a 400 naming it. As
 * with JSON bodies ({@link JsonBodies}), a field the form does not have, or one given twice, is
 * refused rather than ignored: a misspelled {@code trainlimit} would otherwise start a full run.
 */
public final class FormFields {

    private final Context ctx;

    private FormFields(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * The form of a request that may hold only {@code fields}, each at most once.
     *
     * @throws BadRequestException 400 naming the first field that is not one of them or is repeated
     */
    public static FormFields expecting(Context ctx, String... fields) {
        Set<String> known = Set.of(fields);
        for (Map.Entry<String, List<String>> entry : ctx.formParamMap().entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw new BadRequestException(entry.getKey(), Text.of("error.form.unknown_field",
                        String.join(", ", fields)));
            }
            if (entry.getValue().size() > 1) {
                throw new BadRequestException(entry.getKey(), Text.of("error.form.repeated",
                        entry.getValue().size()));
            }
        }
        return new FormFields(ctx);
    }

    public String optionalText(String field) {
        String value = ctx.formParam(field);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public Integer optionalInt(String field) {
        String value = optionalText(field);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new BadRequestException(field, Text.of("error.form.whole_number", value));
        }
    }

    public Double optionalDouble(String field) {
        String value = optionalText(field);
        if (value == null) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (!Double.isFinite(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadRequestException(field, Text.of("error.form.number", value));
        }
    }
}
