package deepdash.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a run is inside an epoch; the payload of a {@code progress} event.
 *
 * @param loss running mean of the training loss over this epoch so far
 * @param etaSeconds estimated seconds until the whole run (all epochs and the test) is done
 */
public record Progress(int epoch, int epochs, int batch, int batches, double loss, double etaSeconds) {

    /**
     * How much of the training is done, 0..1, counted in batches over all epochs. Sent with every
     * progress event, so the pages' bars and the Runs table agree without computing it twice.
     */
    @JsonProperty("fractionDone")
    public double fractionDone() {
        if (epochs <= 0 || batches <= 0) {
            return 0;
        }
        return Math.min(1.0, ((epoch - 1) * (double) batches + batch) / ((double) epochs * batches));
    }
}
