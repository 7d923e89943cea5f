package deepdash.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How well the model does on one digit.
 *
 * @param precision of the images predicted as {@code digit}, the share that are; null when none were predicted
 * @param recall of the images that are {@code digit}, the share predicted so; null when there are none
 * @param count how many images are {@code digit}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ClassStats(int digit, Double precision, Double recall, int count) {
}
