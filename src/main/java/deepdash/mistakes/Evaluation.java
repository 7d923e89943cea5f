package deepdash.mistakes;

import com.fasterxml.jackson.annotation.JsonInclude;
import deepdash.evaluation.ClassStats;
import deepdash.evaluation.ConfusionMatrix;
import java.util.List;

/**
 * How a model does on a set of labelled images: {@code GET /api/runs/{id}/evaluation}'s answer.
 *
 * @param run the run id, or {@code shipped-cnn}
 * @param set {@code test} (the 10,000 MNIST test images) or {@code personal} (the user's saved drawings)
 * @param accuracy the diagonal over the count; null when the set is empty
 * @param recordedAccuracy the test accuracy the run reported when it finished; null for the personal set
 * @param count how many images were read
 * @param confusion counts, row = true digit, column = predicted
 * @param perClass precision, recall and count of every digit, 0 first
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Evaluation(String run, String set, Double accuracy, Double recordedAccuracy, int count,
        int[][] confusion, List<ClassStats> perClass) {

    static Evaluation of(String run, String set, ConfusionMatrix matrix, Double recordedAccuracy) {
        return new Evaluation(run, set, matrix.accuracy(), recordedAccuracy, matrix.total(), matrix.counts(),
                matrix.perClass());
    }
}
