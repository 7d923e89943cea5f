package deepdash.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A validation or test pass under way; the payload of a {@code progress} event while one runs, told
 * apart from training progress by its {@code phase}. Without it the bar would stand still at the
 * epoch's last batch for the 10-20 s a test over 10,000 images takes.
 *
 * @param phase {@code validating} (after each epoch) or {@code testing} (once, at the end)
 * @param epoch the epoch just trained (the last one while testing)
 * @param done examples scored so far
 * @param total examples in the pass
 */
public record EvaluationProgress(String phase, int epoch, int epochs, int done, int total) {

    public static final String VALIDATING = "validating";
    public static final String TESTING = "testing";

    /**
     * How much of the training is done, 0..1, as {@link Progress#fractionDone()} counts it: the
     * epochs trained so far, all of them while testing. For clients that only read this.
     */
    @JsonProperty("fractionDone")
    public double fractionDone() {
        if (TESTING.equals(phase) || epochs <= 0) {
            return epochs <= 0 ? 0 : 1.0;
        }
        return Math.min(1.0, epoch / (double) epochs);
    }

    /** How much of the pass is done, 0..1. */
    @JsonProperty("passDone")
    public double passDone() {
        return total <= 0 ? 0 : Math.min(1.0, done / (double) total);
    }
}
