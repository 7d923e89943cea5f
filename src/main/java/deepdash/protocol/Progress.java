package deepdash.protocol;

/**
 * Where a run is inside an epoch; the payload of a {@code progress} event.
 *
 * @param loss running mean of the training loss over this epoch so far
 * @param etaSeconds estimated seconds until the whole run (all epochs and the test) is done
 */
public record Progress(int epoch, int epochs, int batch, int batches, double loss, double etaSeconds) {
}
