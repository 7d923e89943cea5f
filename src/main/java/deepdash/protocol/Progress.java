package deepdash.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a run is inside an epoch; the payload of a {@code progress} event.
 *
 * @param loss running mean of the training loss over this epoch so far
 * @param etaSeconds estimated seconds until the whole run (all epochs and the test) is done
 * @param batchLoss mean training loss of the batches since the previous progress report: the
 *     per-step series the charts draw on a step axis, as TensorBoard does; null from workers that
 *     did not send it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Progress(int epoch, int epochs, int batch, int batches, double loss, double etaSeconds,
        Double batchLoss) {

    /** Progress without a per-step loss. */
    public Progress(int epoch, int epochs, int batch, int batches, double loss, double etaSeconds) {
        this(epoch, epochs, batch, batches, loss, etaSeconds, null);
    }

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

    /** The global step: batches trained so far over all epochs, 1 for the first. */
    @JsonProperty("step")
    public long step() {
        return (long) (epoch - 1) * batches + batch;
    }
}
