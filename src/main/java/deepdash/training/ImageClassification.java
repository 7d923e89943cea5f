package deepdash.training;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import deepdash.evaluation.PredictionSet;
import deepdash.mnist.IdxImages;
import deepdash.mnist.MnistData;
import deepdash.model.CnnSettings;
import deepdash.model.ModelSettings;
import deepdash.model.ModelSpec;
import deepdash.protocol.RunFolder;
import deepdash.protocol.TestResult;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;

/**
 * Image classifiers on MNIST, the way the seed's {@code model.fit(..., validation_split=0.2)} does
 * it: the last 20% of the (possibly limited) training images validate, the rest are fitted; the
 * 10,000 test images are scored once at the end, and their predictions kept in the run folder
 * ({@link RunFolder#evaluationFile()}). Loss: softmax cross-entropy on the logits.
 */
public final class ImageClassification implements TaskTraining {

    private static final double VALIDATION_SPLIT = 0.2;
    private static final Shape IMAGE = new Shape(1, 28, 28);

    private final MnistData mnist;

    public ImageClassification(MnistData mnist) {
        this.mnist = mnist;
    }

    @Override
    public TestResult train(ModelSpec spec, ModelSettings settings, RunFolder folder, TrainingListener listener,
            long seed, BooleanSupplier stopRequested) {
        CnnSettings cnn = (CnnSettings) settings;
        int available = mnist.trainImages().count();
        int used = cnn.trainLimit() == null ? available : Math.min(cnn.trainLimit(), available);
        int validationCount = (int) Math.round(used * VALIDATION_SPLIT);
        int fitCount = used - validationCount;
        byte[] testLabels = mnist.testLabels();
        PredictionSet.Builder predictions = PredictionSet.builder(testLabels.length);
        TrainingLoop.Data data = new TrainingLoop.Data() {
            @Override
            public Shape exampleShape() {
                return IMAGE;
            }

            @Override
            public Shape targetShape(int count) {
                return new Shape(count);
            }

            @Override
            public Loss loss() {
                return Loss.softmaxCrossEntropyLoss();
            }

            @Override
            public TrainingLoop.Examples fit() {
                return images(mnist.trainImages(), mnist.trainLabels(), 0, fitCount);
            }

            @Override
            public TrainingLoop.Examples validation() {
                return images(mnist.trainImages(), mnist.trainLabels(), fitCount, validationCount);
            }

            @Override
            public TrainingLoop.Examples test() {
                return images(mnist.testImages(), mnist.testLabels(), 0, mnist.testImages().count());
            }

            /** Correct answers: the largest logit at the label (the first of equal ones, as argMax). */
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
                    if (best == (int) labels[i]) {
                        correct++;
                    }
                }
                return correct;
            }

            @Override
            public void testOutputs(int first, int count, float[] logits) {
                predictions.addLogits(testLabels, first, logits, count);
            }

            /** Every test image's answer, kept for the confusion matrix and the mistakes gallery. */
            @Override
            public void afterTest(TrainingLoop.Outputs trained) {
                if (folder == null) {
                    return;
                }
                try {
                    predictions.build().write(folder.evaluationFile());
                } catch (UncheckedIOException e) {
                    // The trained model is what matters; the server computes these answers when first asked.
                    System.err.println("warning: the test answers were not kept: " + e.getMessage());
                }
            }
        };
        TrainingLoop.Settings loop = new TrainingLoop.Settings(cnn.epochs(), cnn.batchSize(), cnn.learningRate(),
                cnn.device(), seed, cnn.trainingOptions());
        return new TrainingLoop(spec, () -> spec.newBlock(cnn), data, loop, folder == null ? null : folder.modelDir(),
                listener, stopRequested).run();
    }

    /** Images {@code first .. first + count - 1} with their labels, pixels scaled to 0..1. */
    private static TrainingLoop.Examples images(IdxImages images, byte[] labels, int first, int count) {
        return new TrainingLoop.Examples() {
            @Override
            public int count() {
                return count;
            }

            @Override
            public void copy(int index, float[] inputs, int inputOffset, float[] targets, int targetIndex) {
                images.copyScaled(first + index, inputs, inputOffset);
                targets[targetIndex] = labels[first + index];
            }
        };
    }
}
