package deepdash.evaluation;

/**
 * One of the model's guesses for an image.
 *
 * @param digit 0..9
 * @param probability its softmax probability, 0..1
 */
public record Guess(int digit, double probability) {
}
