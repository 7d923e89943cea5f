package deepdash.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every API error: a message a person can act on and, when known, the field and
 * (for an architecture that cannot be built) the layer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String field, String layer) {

    public ApiError(String error, String field) {
        this(error, field, null);
    }
}
