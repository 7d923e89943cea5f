package deepdash.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The math behind the confusion matrix, the per-class figures and the mistakes, on hand-made answers. */
class PredictionSetTest {

    @TempDir
    Path temp;

    /** Probabilities that put {@code top} first with {@code p}, then {@code second}, the rest shared. */
    static double[] guess(int top, double p, int second) {
        double[] probabilities = new double[10];
        double rest = 1 - p;
        probabilities[top] = p;
        probabilities[second] = rest * 0.9;
        for (int d = 0; d < 10; d++) {
            if (d != top && d != second) {
                probabilities[d] = rest * 0.1 / 8;
            }
        }
        return probabilities;
    }

    @Test
    void theMatrixCountsPairsRowByTrueDigit() {
        ConfusionMatrix matrix = ConfusionMatrix.of(new int[] {7, 7, 7, 2, 2, 1}, new int[] {7, 7, 1, 2, 7, 1});

        assertThat(matrix.count(7, 7)).isEqualTo(2);
        assertThat(matrix.count(7, 1)).isEqualTo(1);
        assertThat(matrix.count(2, 7)).isEqualTo(1);
        assertThat(matrix.count(1, 7)).isZero();
        assertThat(matrix.total()).isEqualTo(6);
        assertThat(matrix.correct()).isEqualTo(4);
        assertThat(matrix.accuracy()).isEqualTo(4.0 / 6);
        assertThat(matrix.counts()[7]).containsExactly(0, 1, 0, 0, 0, 0, 0, 2, 0, 0);
    }

    @Test
    void precisionIsPerColumnAndRecallPerRow() {
        ConfusionMatrix matrix = ConfusionMatrix.of(new int[] {7, 7, 7, 2, 2, 1}, new int[] {7, 7, 1, 2, 7, 1});

        ClassStats seven = matrix.perClass().get(7);
        // predicted 7 three times (two right), is 7 three times (two found)
        assertThat(seven.precision()).isEqualTo(2.0 / 3);
        assertThat(seven.recall()).isEqualTo(2.0 / 3);
        assertThat(seven.count()).isEqualTo(3);
        ClassStats one = matrix.perClass().get(1);
        assertThat(one.precision()).isEqualTo(0.5);
        assertThat(one.recall()).isEqualTo(1.0);
        ClassStats two = matrix.perClass().get(2);
        assertThat(two.precision()).isEqualTo(1.0);
        assertThat(two.recall()).isEqualTo(0.5);
        // Never predicted and never present: no figure rather than a made-up 0 or NaN.
        ClassStats zero = matrix.perClass().get(0);
        assertThat(zero.precision()).isNull();
        assertThat(zero.recall()).isNull();
        assertThat(zero.count()).isZero();
        assertThat(matrix.perClass()).extracting(ClassStats::count).containsExactly(0, 1, 2, 0, 0, 0, 0, 3, 0, 0);
    }

    @Test
    void anEmptySetHasNoAccuracy() {
        PredictionSet empty = PredictionSet.builder(0).build();
        assertThat(empty.accuracy()).isNull();
        assertThat(empty.confusion().total()).isZero();
        assertThat(empty.mistakes(0, 10).items()).isEmpty();
    }

    @Test
    void aRandomSetSumsToItsSizeAndItsDiagonalIsItsAccuracy() {
        Random random = new Random(7);
        int n = 2_000;
        int[] labels = new int[n];
        int[] predicted = new int[n];
        PredictionSet.Builder builder = PredictionSet.builder(n);
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(10);
            predicted[i] = random.nextDouble() < 0.8 ? labels[i] : random.nextInt(10);
            builder.add(labels[i], guess(predicted[i], 0.5 + random.nextDouble() * 0.5, (predicted[i] + 1) % 10));
        }
        PredictionSet set = builder.build();
        ConfusionMatrix independent = ConfusionMatrix.of(labels, predicted);

        assertThat(set.confusion().counts()).isDeepEqualTo(independent.counts());
        assertThat(set.confusion().total()).isEqualTo(n);
        int right = 0;
        for (int i = 0; i < n; i++) {
            right += labels[i] == predicted[i] ? 1 : 0;
        }
        assertThat(set.accuracy()).isEqualTo((double) right / n);
        int[] rowSums = new int[10];
        for (int a = 0; a < 10; a++) {
            for (int p = 0; p < 10; p++) {
                rowSums[a] += set.confusion().count(a, p);
            }
            assertThat(set.confusion().perClass().get(a).count()).isEqualTo(rowSums[a]);
        }
    }

    @Test
    void theTopThreeAreInOrderAndTiesGoToTheLowerDigit() {
        assertThat(PredictionSet.topIndices(guess(4, 0.6, 9))).containsExactly(4, 9, 0);
        double[] tie = new double[10];
        tie[3] = 0.4;
        tie[8] = 0.4;
        tie[1] = 0.2;
        assertThat(PredictionSet.topIndices(tie)).containsExactly(3, 8, 1);

        ImagePrediction item = PredictionSet.builder(1).add(8, tie).build().item(0);
        assertThat(item.predicted()).isEqualTo(3);
        assertThat(item.actual()).isEqualTo(8);
        assertThat(item.confidence()).isEqualTo(0.4);
        assertThat(item.top3()).extracting(Guess::digit).containsExactly(3, 8, 1);
    }

    @Test
    void aCellHoldsExactlyItsImagesInIndexOrder() {
        PredictionSet set = PredictionSet.builder(5)
                .add(3, guess(5, 0.9, 3))
                .add(3, guess(3, 0.9, 5))
                .add(3, guess(5, 0.7, 3))
                .add(5, guess(3, 0.8, 5))
                .add(3, guess(5, 0.6, 3))
                .build();

        PredictionSet.Page cell = set.cell(3, 5, 0, 10);
        assertThat(cell.total()).isEqualTo(3);
        assertThat(cell.items()).extracting(ImagePrediction::index).containsExactly(0, 2, 4);
        assertThat(cell.items()).allSatisfy(item -> {
            assertThat(item.actual()).isEqualTo(3);
            assertThat(item.predicted()).isEqualTo(5);
        });
        assertThat(set.cell(3, 5, 1, 1).items()).extracting(ImagePrediction::index).containsExactly(2);
        assertThat(set.cell(3, 5, 5, 10).items()).isEmpty();
        assertThatThrownBy(() -> set.cell(10, 5, 0, 1)).hasMessageContaining("actual");
    }

    @Test
    void mistakesAreWrongAndTheMostConfidentComeFirst() {
        PredictionSet set = PredictionSet.builder(5)
                .add(3, guess(5, 0.6, 3))
                .add(3, guess(3, 0.99, 5))
                .add(1, guess(7, 0.95, 1))
                .add(5, guess(3, 0.8, 5))
                .add(2, guess(2, 0.5, 3))
                .build();

        PredictionSet.Page mistakes = set.mistakes(0, 10);
        assertThat(mistakes.total()).isEqualTo(3);
        assertThat(mistakes.items()).extracting(ImagePrediction::index).containsExactly(2, 3, 0);
        assertThat(mistakes.items()).noneMatch(ImagePrediction::isCorrect);
        assertThat(mistakes.items()).extracting(ImagePrediction::confidence).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void theFileKeepsEveryAnswerAndTheExactAccuracy() {
        Random random = new Random(3);
        PredictionSet.Builder builder = PredictionSet.builder(1_000);
        for (int i = 0; i < 1_000; i++) {
            int label = random.nextInt(10);
            // Close calls: the rounding to 4 decimals must not change which digit was predicted.
            double[] p = new double[10];
            p[label] = 0.500004;
            p[(label + 3) % 10] = i % 3 == 0 ? 0.500005 : 0.499996;
            builder.add(label, p);
        }
        PredictionSet set = builder.build();
        Path file = temp.resolve("evaluation.json");
        set.write(file);
        PredictionSet read = PredictionSet.read(file);

        assertThat(read.size()).isEqualTo(1_000);
        assertThat(read.confusion().counts()).isDeepEqualTo(set.confusion().counts());
        assertThat(read.accuracy()).isEqualTo(set.accuracy());
        for (int i = 0; i < 1_000; i++) {
            assertThat(read.item(i).predicted()).isEqualTo(set.item(i).predicted());
            assertThat(read.item(i).confidence()).isCloseTo(0.5, within(1e-4));
        }
        assertThat(file.toFile().length()).as("bytes for 1,000 images").isLessThan(40_000);
    }

    @Test
    void aDamagedFileIsRefusedNotHalfRead() {
        byte[] good = PredictionSet.builder(2).add(1, guess(1, 0.9, 2)).add(2, guess(2, 0.9, 1)).build().toJson();
        String json = new String(good, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PredictionSet.fromJson(json.replace("\"labels\":\"12\"", "\"labels\":\"1\"")
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("lengths");
        assertThatThrownBy(() -> PredictionSet.fromJson(json.replace("\"correct\":2", "\"correct\":1")
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("correct");
        assertThatThrownBy(() -> PredictionSet.fromJson(json.substring(0, json.length() / 2)
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("not an evaluation file");
        assertThat(PredictionSet.fromJson(good).accuracy()).isEqualTo(1.0);
    }
}
