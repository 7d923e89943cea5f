package deepdash.model;

/**
 * The seed's cures for overfitting that the training loop applies, besides dropout (a layer of the
 * network): weight penalties, the learning-rate schedule, and early stopping.
 *
 * @param l2 weight decay: {@code l2 * w} added to each parameter's gradient by the optimizer (0: none)
 * @param l1 {@code l1 * sum(|w|)} over the weights (not the biases) added to the loss that is minimised
 *     (0: none); the loss the charts show is the data loss alone, so runs with and without compare
 * @param schedule how the learning rate changes batch by batch
 * @param patience early stopping: stop after this many epochs without a lower val_loss and restore the
 *     best epoch's weights before the test; null: train every epoch and test the last weights
 */
public record TrainingOptions(double l2, double l1, LearningRateSchedule schedule, Integer patience) {

    /** The seed's training: no penalty, a constant learning rate, every epoch. */
    public static TrainingOptions plain(double learningRate) {
        return new TrainingOptions(0, 0, LearningRateSchedule.constant(learningRate), null);
    }

    public boolean earlyStopping() {
        return patience != null;
    }
}
