package deepdash.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of {@code metrics.jsonl} and the payload of an {@code epoch} event. Field names follow
 * Keras's history keys ({@code val_loss}) so the charts read like the seed's plots. Accuracy is
 * set for classifiers, MAE for regressors.
 *
 * @param elapsedSeconds wall time from the start of training to the end of this epoch
 * @param learningRate the learning rate at the epoch's last batch (it changes under a schedule); null in
 *     runs made before it was recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EpochMetrics(
        int epoch,
        double loss,
        Double accuracy,
        Double mae,
        @JsonProperty("val_loss") double valLoss,
        @JsonProperty("val_accuracy") Double valAccuracy,
        @JsonProperty("val_mae") Double valMae,
        double epochSeconds,
        double samplesPerSecond,
        double elapsedSeconds,
        @JsonProperty("learning_rate") Double learningRate) {

    /** An epoch without its learning rate (runs made before it was recorded). */
    public EpochMetrics(int epoch, double loss, Double accuracy, Double mae, double valLoss, Double valAccuracy,
            Double valMae, double epochSeconds, double samplesPerSecond, double elapsedSeconds) {
        this(epoch, loss, accuracy, mae, valLoss, valAccuracy, valMae, epochSeconds, samplesPerSecond, elapsedSeconds,
                null);
    }

    /** This epoch with the learning rate in force at its last batch. */
    public EpochMetrics withLearningRate(double rate) {
        return new EpochMetrics(epoch, loss, accuracy, mae, valLoss, valAccuracy, valMae, epochSeconds,
                samplesPerSecond, elapsedSeconds, rate);
    }

    public static EpochMetrics classifier(int epoch, double loss, double accuracy, double valLoss,
            double valAccuracy, double epochSeconds, double samplesPerSecond, double elapsedSeconds) {
        return new EpochMetrics(epoch, loss, accuracy, null, valLoss, valAccuracy, null, epochSeconds,
                samplesPerSecond, elapsedSeconds);
    }

    public static EpochMetrics regressor(int epoch, double loss, double mae, double valLoss, double valMae,
            double epochSeconds, double samplesPerSecond, double elapsedSeconds) {
        return new EpochMetrics(epoch, loss, null, mae, valLoss, null, valMae, epochSeconds, samplesPerSecond,
                elapsedSeconds);
    }
}
