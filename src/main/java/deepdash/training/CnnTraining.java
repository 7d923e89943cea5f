package deepdash.training;

import static deepdash.training.TrainingSupport.identityOrder;
import static deepdash.training.TrainingSupport.kerasLikeConfig;
import static deepdash.training.TrainingSupport.seconds;
import static deepdash.training.TrainingSupport.shuffle;
import static deepdash.training.TrainingSupport.slice;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import deepdash.mnist.IdxImages;
import deepdash.mnist.MnistData;
import deepdash.model.CnnArchitecture;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.Progress;
import deepdash.protocol.RunConfig;
import deepdash.protocol.TestResult;
import java.nio.file.Path;
import java.util.Random;

/**
 * Trains the seed CNN on MNIST the way the seed's {@code model.fit(..., validation_split=0.2)} does:
 * the last 20% of the training images validate, the rest are shuffled every epoch; then the test
 * set is evaluated once. Runs in a worker process, which owns every MXNet call it makes.
 */
public final class CnnTraining {

    public static final String MODEL_NAME = "cnn";
    private static final double VALIDATION_SPLIT = 0.2;
    private static final int EVAL_BATCH = 500;
    private static final int PIXELS = 28 * 28;

    private final RunConfig config;
    private final MnistData data;
    private final Path modelDir;
    private final TrainingListener listener;
    private final long seed;

    /**
     * @param modelDir where the trained parameters are saved after every epoch (null: not saved)
     */
    public CnnTraining(RunConfig config, MnistData data, Path modelDir, TrainingListener listener, long seed) {
        this.config = config;
        this.data = data;
        this.modelDir = modelDir;
        this.listener = listener;
        this.seed = seed;
    }

    /** Trains, evaluates and returns the test result. */
    public TestResult run() {
        Device device = Devices.resolve(config.device());
        int available = data.trainImages().count();
        int used = config.trainLimit() == null ? available : Math.min(config.trainLimit(), available);
        int validationCount = (int) Math.round(used * VALIDATION_SPLIT);
        int trainCount = used - validationCount;
        int batchSize = config.batchSize();
        int batches = (trainCount + batchSize - 1) / batchSize;
        int epochs = config.epochs();
        long startNanos = System.nanoTime();
        WorkEstimate estimate = new WorkEstimate(epochs, batches, validationCount, data.testImages().count(),
                batchSize);
        // Same seed, same initial weights: two runs with the same settings can be compared.
        Engine.getInstance().setRandomSeed((int) seed);
        listener.started(device.toString(), epochs, batches, trainCount, validationCount);

        try (Model model = Model.newInstance(MODEL_NAME, device)) {
            model.setBlock(CnnArchitecture.newBlock());
            DefaultTrainingConfig trainingConfig = kerasLikeConfig(Loss.softmaxCrossEntropyLoss(),
                    config.learningRate(), device);
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(new Shape(batchSize, 1, 28, 28));
                int[] order = identityOrder(trainCount);
                Random random = new Random(seed);
                float[] pixels = new float[batchSize * PIXELS];
                float[] labels = new float[batchSize];
                ProgressThrottle throttle = new ProgressThrottle(200);

                for (int epoch = 1; epoch <= epochs; epoch++) {
                    long epochStart = System.nanoTime();
                    shuffle(order, random);
                    double lossSum = 0;
                    long correct = 0;
                    int seen = 0;
                    for (int b = 0; b < batches; b++) {
                        int from = b * batchSize;
                        int size = Math.min(batchSize, trainCount - from);
                        for (int i = 0; i < size; i++) {
                            int index = order[from + i];
                            data.trainImages().copyScaled(index, pixels, i * PIXELS);
                            labels[i] = data.trainLabels()[index];
                        }
                        try (NDManager batchManager = trainer.getManager().newSubManager()) {
                            NDArray x = batchManager.create(slice(pixels, size * PIXELS), new Shape(size, 1, 28, 28));
                            NDArray y = batchManager.create(slice(labels, size), new Shape(size));
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                                NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                                collector.backward(loss);
                                lossSum += loss.getFloat() * size;
                                correct += countCorrect(logits, y);
                            }
                            trainer.step();
                        }
                        seen += size;
                        if (throttle.ready()) {
                            double elapsed = seconds(startNanos);
                            listener.progress(new Progress(epoch, epochs, b + 1, batches, lossSum / seen,
                                    estimate.remainingSeconds(epoch, b + 1, elapsed)));
                        }
                    }
                    double trainSeconds = seconds(epochStart);
                    Score validation = evaluate(trainer, data.trainImages(), data.trainLabels(), trainCount,
                            validationCount);
                    if (modelDir != null) {
                        ModelFiles.saveAtomically(model, modelDir);
                    }
                    listener.epoch(EpochMetrics.classifier(epoch, lossSum / seen, (double) correct / seen,
                            validation.loss(), validation.accuracy(), seconds(epochStart),
                            trainCount / trainSeconds, seconds(startNanos)));
                }
                long testStart = System.nanoTime();
                Score test = evaluate(trainer, data.testImages(), data.testLabels(), 0, data.testImages().count());
                TestResult result = new TestResult(test.loss(), test.accuracy(), null, data.testImages().count(),
                        seconds(testStart));
                listener.tested(result, seconds(startNanos));
                return result;
            }
        }
    }

    private record Score(double loss, double accuracy) {
    }

    private static Score evaluate(Trainer trainer, IdxImages images, byte[] labels, int start, int count) {
        if (count == 0) {
            return new Score(Double.NaN, Double.NaN);
        }
        float[] pixels = new float[EVAL_BATCH * PIXELS];
        float[] targets = new float[EVAL_BATCH];
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < count; from += EVAL_BATCH) {
            int size = Math.min(EVAL_BATCH, count - from);
            for (int i = 0; i < size; i++) {
                images.copyScaled(start + from + i, pixels, i * PIXELS);
                targets[i] = labels[start + from + i];
            }
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDArray x = manager.create(slice(pixels, size * PIXELS), new Shape(size, 1, 28, 28));
                NDArray y = manager.create(slice(targets, size), new Shape(size));
                NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow();
                lossSum += trainer.getLoss().evaluate(new NDList(y), new NDList(logits)).getFloat() * size;
                correct += countCorrect(logits, y);
            }
        }
        return new Score(lossSum / count, (double) correct / count);
    }

    private static long countCorrect(NDArray logits, NDArray labels) {
        return logits.argMax(1).toType(DataType.FLOAT32, false).eq(labels).sum().getLong();
    }



}
