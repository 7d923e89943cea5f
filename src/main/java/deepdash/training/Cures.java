package deepdash.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import deepdash.model.LearningRateSchedule;
import deepdash.model.TrainingOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed's cures for overfitting as the training loop applies them to one run's model: the
 * learning-rate schedule (a {@link Tracker} that reads the batch the loop is at), the L1 penalty
 * added to the loss, and early stopping, which keeps a copy of the best epoch's parameters and puts
 * it back before the test. L2 is the optimizer's weight decay ({@link TrainingSupport}).
 *
 * <p>Owned by the loop that made it, on the worker's thread; {@link #close()} frees the kept copy.
 */
final class Cures implements AutoCloseable {

    private final TrainingOptions options;
    private final int batchesPerEpoch;
    private final int epochs;
    private final Model model;
    private long batch;
    private NDManager keptManager;
    private Map<String, NDArray> kept;
    private int bestEpoch;
    private double bestValLoss = Double.POSITIVE_INFINITY;

    Cures(TrainingOptions options, int batchesPerEpoch, int epochs, Model model) {
        this.options = options;
        this.batchesPerEpoch = batchesPerEpoch;
        this.epochs = epochs;
        this.model = model;
    }

    /** The optimizer's learning rate: the schedule at the batch the loop is at. */
    Tracker learningRates() {
        return numUpdate -> (float) currentLearningRate();
    }

    /** Called before each optimizer step with the batch's number in the run, from 0. */
    void atBatch(long runBatch) {
        batch = runBatch;
    }

    double currentLearningRate() {
        LearningRateSchedule schedule = options.schedule();
        return schedule.rateAt(batch, batchesPerEpoch, epochs);
    }

    /** The loss to minimise: the data loss plus {@code l1 * sum(|w|)} over the weights when L1 is on. */
    NDArray withPenalty(NDArray dataLoss) {
        if (options.l1() <= 0) {
            return dataLoss;
        }
        NDArray total = dataLoss;
        for (Pair<String, Parameter> pair : model.getBlock().getParameters()) {
            Parameter parameter = pair.getValue();
            if (parameter.getType() == Parameter.Type.WEIGHT) {
                total = total.add(parameter.getArray().abs().sum().mul((float) options.l1()));
            }
        }
        return total;
    }

    /**
     * After an epoch's validation: keeps the parameters when val_loss is the lowest so far, and says
     * whether early stopping ends the run here (no lower val_loss for {@code patience} epochs).
     */
    boolean shouldStop(int epoch, double valLoss) {
        if (!options.earlyStopping()) {
            return false;
        }
        if (Double.isFinite(valLoss) && valLoss < bestValLoss) {
            bestValLoss = valLoss;
            bestEpoch = epoch;
            keep();
            return false;
        }
        return epoch - bestEpoch >= options.patience();
    }

    /** With early stopping: puts the best epoch's parameters back; returns that epoch, or 0 when there is none. */
    int restoreBest(int lastEpoch) {
        if (!options.earlyStopping() || kept == null) {
            return 0;
        }
        if (bestEpoch != lastEpoch) {
            for (Pair<String, Parameter> pair : model.getBlock().getParameters()) {
                kept.get(pair.getKey()).copyTo(pair.getValue().getArray());
            }
        }
        return bestEpoch;
    }

    private void keep() {
        NDManager manager = model.getNDManager().newSubManager();
        Map<String, NDArray> copies = new LinkedHashMap<>();
        for (Pair<String, Parameter> pair : model.getBlock().getParameters()) {
            NDArray copy = pair.getValue().getArray().duplicate();
            copy.attach(manager);
            copies.put(pair.getKey(), copy);
        }
        close();
        keptManager = manager;
        kept = copies;
    }

    @Override
    public void close() {
        if (keptManager != null) {
            keptManager.close();
            keptManager = null;
            kept = null;
        }
    }
}
