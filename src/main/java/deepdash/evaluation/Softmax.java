package deepdash.evaluation;

/** Logits to probabilities, in double precision. */
public final class Softmax {

    private Softmax() {
    }

    /** The softmax of the 10 logits starting at {@code offset}. */
    public static double[] probabilities(float[] logits, int offset) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ConfusionMatrix.DIGITS; i++) {
            max = Math.max(max, logits[offset + i]);
        }
        // Subtracting the largest logit keeps exp from overflowing; the result is the same.
        double[] probabilities = new double[ConfusionMatrix.DIGITS];
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = Math.exp(logits[offset + i] - max);
            sum += probabilities[i];
        }
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] /= sum;
        }
        return probabilities;
    }
}
