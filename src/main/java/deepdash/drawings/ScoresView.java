package deepdash.drawings;

import java.util.List;

/**
 * Input of {@code drawings/scores.jte}: how every completed CNN model reads the saved drawings.
 *
 * @param drawingCount how many drawings were read
 * @param scores one per model, newest run first, the shipped model last
 */
public record ScoresView(int drawingCount, List<ModelScore> scores) {
}
