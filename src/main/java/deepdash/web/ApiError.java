package deepdash.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every API error: a message a person can act on, in the reader's language; a
 * stable machine-readable {@code code} (the same in every language); and, when known, the field and
 * (for an architecture that cannot be built) the layer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String code, String field, String layer) {

    public ApiError(String error, String code, String field) {
        this(error, code, field, null);
    }
}
