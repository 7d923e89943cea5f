package deepdash.coach;

import deepdash.protocol.EpochMetrics;
import deepdash.protocol.TestResult;
import deepdash.series.Forecast;
import java.util.List;

/**
 * What the coach reads: a run's epochs so far, and once it has completed its test result and, for
 * a series model, its forecast.
 *
 * @param test null until the run has completed
 * @param forecast null for image models and for series runs without a forecast
 */
public record CoachInput(List<EpochMetrics> epochs, TestResult test, Forecast forecast) {

    public CoachInput {
        epochs = List.copyOf(epochs);
    }
}
