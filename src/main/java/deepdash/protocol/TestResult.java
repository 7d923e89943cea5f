package deepdash.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The model's score on held-out test data, as the seed's {@code model.evaluate} prints it.
 *
 * @param bestEpoch with early stopping: the epoch whose weights were restored and tested; null without it
 * @param stoppedEarly with early stopping: whether it ended the run before its last epoch; null without it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestResult(double loss, Double accuracy, Double mae, int samples, double seconds, Integer bestEpoch,
        Boolean stoppedEarly) {

    public TestResult(double loss, Double accuracy, Double mae, int samples, double seconds) {
        this(loss, accuracy, mae, samples, seconds, null, null);
    }

    /** This result, tested with the weights of {@code epoch}, the best one early stopping kept. */
    public TestResult withBestEpoch(int epoch, boolean stopped) {
        return new TestResult(loss, accuracy, mae, samples, seconds, epoch, stopped);
    }
}
