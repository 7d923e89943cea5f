package deepdash.protocol;

/**
 * One point of a run's per-step loss series: a line of {@code batches.jsonl}.
 *
 * @param step batches trained before this point over all epochs, counting this one (1 for the first)
 * @param loss mean training loss of the batches since the previous point
 */
public record BatchLoss(long step, int epoch, int batch, double loss) {
}
