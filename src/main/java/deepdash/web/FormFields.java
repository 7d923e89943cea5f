package deepdash.web;

import io.javalin.http.Context;

/** Typed access to form fields; a value that is not what the field needs is a 400 naming it. */
public final class FormFields {

    private final Context ctx;

    public FormFields(Context ctx) {
        this.ctx = ctx;
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
            throw new BadRequestException(field, "must be a whole number, got \"" + value + "\"");
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
            throw new BadRequestException(field, "must be a number, got \"" + value + "\"");
        }
    }
}
