package deepdash.evaluation;

import java.util.List;

/**
 * What the model said about one image.
 *
 * @param index the image's position in its set: the MNIST test index, or the drawing's place in the personal set
 * @param actual the true digit
 * @param predicted the digit the model chose (its most probable)
 * @param confidence the probability of {@code predicted}
 * @param top3 the three most probable digits, most probable first
 */
public record ImagePrediction(int index, int actual, int predicted, double confidence, List<Guess> top3) {

    public boolean isCorrect() {
        return actual == predicted;
    }
}
