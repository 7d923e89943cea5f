package deepdash.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import deepdash.engine.EngineSettings;
import deepdash.model.CnnSpec;
import deepdash.model.LearningRateSchedule;
import deepdash.model.TrainingOptions;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.TestResult;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cures inside the training loop, on the real CNN and tiny data: early stopping stops, and the
 * weights it tests are the best epoch's; the schedule's rate reaches the optimizer; L1 adds exactly
 * {@code l1 * sum(|w|)} to the loss.
 */
@Timeout(180)
class CuresTest {

    @BeforeAll
    static void engine() {
        EngineSettings.applyToThisProcess();
    }

    /**
     * Random images with random labels: the network can only memorise the fitting set, so val_loss
     * rises after an epoch or two while the training loss falls.
     */
    static final class RandomLabels implements TrainingLoop.Data {
        static final int FIT = 96;
        static final int VALIDATION = 64;
        final float[] fitImages = new float[FIT * 784];
        final float[] fitLabels = new float[FIT];
        final float[] valImages = new float[VALIDATION * 784];
        final float[] valLabels = new float[VALIDATION];
        /** The validation loss of the weights that were tested, computed from afterTest's outputs. */
        double testedValidationLoss = Double.NaN;

        RandomLabels(long seed) {
            Random random = new Random(seed);
            for (int i = 0; i < fitImages.length; i++) {
                fitImages[i] = random.nextFloat();
            }
            for (int i = 0; i < valImages.length; i++) {
                valImages[i] = random.nextFloat();
            }
            for (int i = 0; i < FIT; i++) {
                fitLabels[i] = random.nextInt(10);
            }
            for (int i = 0; i < VALIDATION; i++) {
                valLabels[i] = random.nextInt(10);
            }
        }

        @Override
        public Shape exampleShape() {
            return new Shape(1, 28, 28);
        }

        @Override
        public Shape targetShape(int count) {
            return new Shape(count);
        }

        @Override
        public Loss loss() {
            return Loss.softmaxCrossEntropyLoss();
        }

        TrainingLoop.Examples examples(float[] images, float[] labels) {
            return new TrainingLoop.Examples() {
                @Override
                public int count() {
                    return labels.length;
                }

                @Override
                public void copy(int index, float[] inputs, int inputOffset, float[] targets, int targetIndex) {
                    System.arraycopy(images, index * 784, inputs, inputOffset, 784);
                    targets[targetIndex] = labels[index];
                }
            };
        }

        @Override
        public TrainingLoop.Examples fit() {
            return examples(fitImages, fitLabels);
        }

        @Override
        public TrainingLoop.Examples validation() {
            return examples(valImages, valLabels);
        }

        @Override
        public TrainingLoop.Examples test() {
            return examples(valImages, valLabels);
        }

        @Override
        public double metricSum(float[] logits, float[] labels, int count) {
            int classes = logits.length / count;
            int correct = 0;
            for (int i = 0; i < count; i++) {
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    if (logits[i * classes + c] > logits[i * classes + best]) {
                        best = c;
                    }
                }
                correct += best == (int) labels[i] ? 1 : 0;
            }
            return correct;
        }

        /** Softmax cross-entropy of the tested weights on the validation images, computed here in plain Java. */
        @Override
        public void afterTest(TrainingLoop.Outputs trained) {
            float[] logits = trained.of(valImages, VALIDATION);
            double sum = 0;
            for (int i = 0; i < VALIDATION; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < 10; k++) {
                    max = Math.max(max, logits[i * 10 + k]);
                }
                double norm = 0;
                for (int k = 0; k < 10; k++) {
                    norm += Math.exp(logits[i * 10 + k] - max);
                }
                sum += -(logits[i * 10 + (int) valLabels[i]] - max - Math.log(norm));
            }
            testedValidationLoss = sum / VALIDATION;
        }
    }

    @Test
    void earlyStoppingStopsAndTestsTheBestEpochsWeights() {
        RandomLabels data = new RandomLabels(3);
        TrainingLoopTest.Recorder recorder = new TrainingLoopTest.Recorder();
        TrainingOptions options = new TrainingOptions(0, 0, LearningRateSchedule.constant(0.003), 2);
        TestResult result = new TrainingLoop(new CnnSpec(), data,
                new TrainingLoop.Settings(20, 16, 0.003, "cpu", 42, options), null, recorder, () -> false).run();

        int best = 0;
        for (EpochMetrics e : recorder.epochs) {
            if (best == 0 || e.valLoss() < recorder.epochs.get(best - 1).valLoss()) {
                best = e.epoch();
            }
        }
        assertThat(recorder.epochs).as("stopped before the 20th epoch").hasSizeLessThan(20);
        assertThat(recorder.epochs.size()).as("two epochs without improvement, then stop").isEqualTo(best + 2);
        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.bestEpoch()).isEqualTo(best);
        assertThat(best).as("the last epoch was not the best").isLessThan(recorder.epochs.size());
        // The weights tested are the best epoch's: their validation loss is the one recorded for that epoch.
        assertThat(data.testedValidationLoss).isCloseTo(recorder.epochs.get(best - 1).valLoss(), within(1e-4));
        assertThat(result.loss()).isCloseTo(recorder.epochs.get(best - 1).valLoss(), within(1e-4));
    }

    @Test
    void withoutEarlyStoppingEveryEpochRunsAndTheResultSaysNothingOfIt() {
        TrainingLoopTest.Recorder recorder = new TrainingLoopTest.Recorder();
        TestResult result = new TrainingLoop(new CnnSpec(), new RandomLabels(3),
                new TrainingLoop.Settings(3, 16, 0.003, "cpu", 42), null, recorder, () -> false).run();
        assertThat(recorder.epochs).hasSize(3);
        assertThat(result.bestEpoch()).isNull();
        assertThat(result.stoppedEarly()).isNull();
        assertThat(recorder.epochs).allSatisfy(e -> assertThat(e.learningRate()).isCloseTo(0.003, within(1e-9)));
    }

    @Test
    void theScheduleSetsEachEpochsLearningRate() {
        TrainingLoopTest.Recorder recorder = new TrainingLoopTest.Recorder();
        TrainingOptions options = new TrainingOptions(0.0005, 0, new LearningRateSchedule("step", 0.002, 1), null);
        new TrainingLoop(new CnnSpec(), new RandomLabels(4), new TrainingLoop.Settings(3, 32, 0.002, "cpu", 42,
                options), null, recorder, () -> false).run();
        assertThat(recorder.epochs).extracting(EpochMetrics::learningRate).containsExactly(0.002, 0.001, 0.0005);
    }

    @Test
    void l1AddsItsPenaltyOnTheWeightsOnly() {
        try (Model model = Model.newInstance("l1")) {
            model.setBlock(Linear.builder().setUnits(2).build());
            NDManager manager = model.getNDManager();
            model.getBlock().initialize(manager, DataType.FLOAT32, new Shape(1, 3));
            double weights = 0;
            for (Pair<String, Parameter> pair : model.getBlock().getParameters()) {
                NDArray values = manager.create(new float[] {-1, 2, -3, 4, -5, 6}.length == pair.getValue()
                        .getArray().size() ? new float[] {-1, 2, -3, 4, -5, 6} : new float[] {7, -8},
                        pair.getValue().getArray().getShape());
                values.copyTo(pair.getValue().getArray());
                if (pair.getValue().getType() == Parameter.Type.WEIGHT) {
                    weights += 21;
                }
            }
            assertThat(weights).as("one weight matrix").isEqualTo(21);
            try (Cures cures = new Cures(new TrainingOptions(0, 0.01, LearningRateSchedule.constant(0.001), null),
                    1, 1, model)) {
                float penalised = cures.withPenalty(manager.create(0.5f)).getFloat();
                assertThat(penalised).isCloseTo(0.5f + 0.01f * 21, within(1e-6f));
            }
            try (Cures none = new Cures(TrainingOptions.plain(0.001), 1, 1, model)) {
                assertThat(none.withPenalty(manager.create(0.5f)).getFloat()).isEqualTo(0.5f);
            }
        }
    }
}
