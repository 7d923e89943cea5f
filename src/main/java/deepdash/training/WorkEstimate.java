package deepdash.training;

/**
 * Estimates the time left in a run from the time spent so far. Evaluation batches cost about a
 * third of a training batch per sample (forward only), so the run is counted in "training-batch
 * equivalents" and the elapsed time divided evenly among those done.
 */
final class WorkEstimate {

    private static final double FORWARD_ONLY_COST = 1.0 / 3;

    private final int epochs;
    private final int batchesPerEpoch;
    private final double validationUnitsPerEpoch;
    private final double testUnits;

    WorkEstimate(int epochs, int batchesPerEpoch, int validationSamples, int testSamples, int batchSize) {
        this.epochs = epochs;
        this.batchesPerEpoch = batchesPerEpoch;
        this.validationUnitsPerEpoch = FORWARD_ONLY_COST * validationSamples / batchSize;
        this.testUnits = FORWARD_ONLY_COST * testSamples / batchSize;
    }

    double remainingSeconds(int epoch, int batchesDoneInEpoch, double elapsedSeconds) {
        double perEpoch = batchesPerEpoch + validationUnitsPerEpoch;
        double total = epochs * perEpoch + testUnits;
        double done = (epoch - 1) * perEpoch + batchesDoneInEpoch;
        if (done <= 0) {
            return Double.NaN;
        }
        return elapsedSeconds / done * (total - done);
    }
}
