package deepdash.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of every API error: a message a person can act on and, when known, the field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String field) {
}
