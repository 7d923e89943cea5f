package deepdash.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts of (true digit, predicted digit) pairs: row = true digit, column = predicted.
 */
public final class ConfusionMatrix {

    public static final int DIGITS = 10;

    private final int[][] counts = new int[DIGITS][DIGITS];

    /** The matrix of these pairs; {@code actual[i]} and {@code predicted[i]} belong to image {@code i}. */
    public static ConfusionMatrix of(int[] actual, int[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(actual.length + " labels but " + predicted.length + " predictions");
        }
        ConfusionMatrix matrix = new ConfusionMatrix();
        for (int i = 0; i < actual.length; i++) {
            matrix.add(actual[i], predicted[i]);
        }
        return matrix;
    }

    void add(int actual, int predicted) {
        counts[actual][predicted]++;
    }

    public int count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** A copy of the counts, row = true digit. */
    public int[][] counts() {
        int[][] copy = new int[DIGITS][];
        for (int row = 0; row < DIGITS; row++) {
            copy[row] = Arrays.copyOf(counts[row], DIGITS);
        }
        return copy;
    }

    public int total() {
        int total = 0;
        for (int[] row : counts) {
            for (int count : row) {
                total += count;
            }
        }
        return total;
    }

    public int rowTotal(int actual) {
        int total = 0;
        for (int count : counts[actual]) {
            total += count;
        }
        return total;
    }

    public int columnTotal(int predicted) {
        int total = 0;
        for (int[] row : counts) {
            total += row[predicted];
        }
        return total;
    }

    /** The diagonal: images predicted as what they are. */
    public int correct() {
        int correct = 0;
        for (int digit = 0; digit < DIGITS; digit++) {
            correct += counts[digit][digit];
        }
        return correct;
    }

    /** Correct over total, computed as the training loop computes it; null for an empty matrix. */
    public Double accuracy() {
        int total = total();
        return total == 0 ? null : (double) correct() / total;
    }

    /** Precision, recall and count of every digit, 0 first. */
    public List<ClassStats> perClass() {
        List<ClassStats> stats = new ArrayList<>(DIGITS);
        for (int digit = 0; digit < DIGITS; digit++) {
            int truePositives = counts[digit][digit];
            int predictedAs = columnTotal(digit);
            int count = rowTotal(digit);
            stats.add(new ClassStats(digit, predictedAs == 0 ? null : (double) truePositives / predictedAs,
                    count == 0 ? null : (double) truePositives / count, count));
        }
        return List.copyOf(stats);
    }
}
