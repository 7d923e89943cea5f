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
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import deepdash.model.KeyMetric;
import deepdash.model.ModelFiles;
import deepdash.model.ModelSpec;
import deepdash.model.TrainingOptions;
import deepdash.protocol.Progress;
import deepdash.protocol.TestResult;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one training loop every model goes through, the way the seed's {@code model.fit} runs:
 * shuffled batches of the fitting examples every epoch (Adam, Glorot-uniform kernels), progress
 * about five times a second, the validation examples scored after each epoch, the parameters saved
 * after each epoch, and the test examples scored once at the end. It stops between two batches
 * when asked to (a cancelled run). Runs in a worker process, which owns every MXNet call it makes.
 *
 * <p>A task contributes its {@link Data}: the examples, the loss, and how to score outputs. The
 * model contributes its block ({@link ModelSpec#newBlock()}) and its key metric.
 */
public final class TrainingLoop {

    private static final int EVAL_BATCH = 512;
    private static final long PROGRESS_INTERVAL_MILLIS = 200;

    /** What a task gives the loop: its examples and how to score the model's outputs. */
    public interface Data {

        /** The shape of one example's input, without the batch: {@code (1, 28, 28)} or {@code (window, 1)}. */
        Shape exampleShape();

        /** The shape of {@code count} targets: {@code (count)} for class labels, {@code (count, 1)} for values. */
        Shape targetShape(int count);

        Loss loss();

        /** The examples the model is fitted on; the loop shuffles their order every epoch. */
        Examples fit();

        /** The examples scored after every epoch. */
        Examples validation();

        /** The examples scored once, after the last epoch. */
        Examples test();

        /**
         * The key metric summed over a batch, from the outputs copied out of native memory (one copy
         * per batch instead of several small operators): correct answers for a classifier, absolute
         * errors for a regressor.
         *
         * @param outputs {@code count} rows of the model's outputs, one after another
         * @param targets the batch's targets as {@link Examples#copy} wrote them
         */
        double metricSum(float[] outputs, float[] targets, int count);

        /**
         * The test examples' outputs, batch by batch in example order, copied out of native memory:
         * a classifier keeps its predictions for every test image here.
         */
        default void testOutputs(int first, int count, float[] outputs) {
        }

        /** Called once after the test, before it is reported: a forecaster forecasts with the trained model here. */
        default void afterTest(Outputs trained) {
        }
    }

    /** A numbered set of examples, one input and one target each. */
    public interface Examples {

        int count();

        /** Copies example {@code index}'s input into {@code inputs} at {@code inputOffset}, its target too. */
        void copy(int index, float[] inputs, int inputOffset, float[] targets, int targetIndex);
    }

    /** The trained model's outputs for {@code count} inputs laid out one after another. */
    public interface Outputs {
        float[] of(float[] inputs, int count);
    }

    /**
     * How to train.
     *
     * @param device {@code auto}, {@code cpu} or {@code gpu}
     * @param seed the same seed gives the same initial weights and the same shuffles
     */
    public record Settings(int epochs, int batchSize, double learningRate, String device, long seed,
            TrainingOptions options) {

        /** The seed's training: a constant learning rate, no penalty, every epoch. */
        public Settings(int epochs, int batchSize, double learningRate, String device, long seed) {
            this(epochs, batchSize, learningRate, device, seed, TrainingOptions.plain(learningRate));
        }
    }

    /** Thrown out of {@link #run()} when it was asked to stop. */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped(int epoch) {
            super("training stopped during epoch " + epoch);
        }
    }

    private final ModelSpec spec;
    private final Data data;
    private final Settings settings;
    private final Path modelDir;
    private final TrainingListener listener;
    private final BooleanSupplier stopRequested;
    private final Supplier<Block> newBlock;

    /**
     * @param modelDir where the parameters are saved after every epoch (null: not saved)
     * @param stopRequested asked before every batch; true stops the run with {@link Stopped}
     */
    public TrainingLoop(ModelSpec spec, Data data, Settings settings, Path modelDir, TrainingListener listener,
            BooleanSupplier stopRequested) {
        this(spec, spec::newBlock, data, settings, modelDir, listener, stopRequested);
    }

    /** @param newBlock makes the block to train, when the run's settings choose its layers */
    public TrainingLoop(ModelSpec spec, Supplier<Block> newBlock, Data data, Settings settings, Path modelDir,
            TrainingListener listener, BooleanSupplier stopRequested) {
        this.newBlock = newBlock;
        this.spec = spec;
        this.data = data;
        this.settings = settings;
        this.modelDir = modelDir;
        this.listener = listener;
        this.stopRequested = stopRequested;
    }

    /** Trains, tests and returns the test result. */
    public TestResult run() {
        Device device = Devices.resolve(settings.device());
        KeyMetric metric = spec.keyMetric();
        Examples fit = data.fit();
        int fitCount = fit.count();
        int validationCount = data.validation().count();
        int testCount = data.test().count();
        int exampleSize = (int) data.exampleShape().size();
        int batchSize = settings.batchSize();
        int batches = (fitCount + batchSize - 1) / batchSize;
        int epochs = settings.epochs();
        long startNanos = System.nanoTime();
        WorkEstimate estimate = new WorkEstimate(epochs, batches, validationCount, testCount, batchSize);
        // Same seed, same initial weights: two runs with the same settings can be compared.
        Engine.getInstance().setRandomSeed((int) settings.seed());
        listener.started(device.toString(), epochs, batches, fitCount, validationCount);

        try (Model model = Model.newInstance(spec.name(), device)) {
            model.setBlock(newBlock.get());
            Cures cures = new Cures(settings.options(), batches, epochs, model);
            try (cures; Trainer trainer = model.newTrainer(kerasLikeConfig(data.loss(), cures.learningRates(),
                    settings.options().l2(), device))) {
                trainer.initialize(batchShape(batchSize));
                int[] order = identityOrder(fitCount);
                Random random = new Random(settings.seed());
                float[] inputs = new float[batchSize * exampleSize];
                float[] targets = new float[batchSize];
                BatchArrays full = new BatchArrays(trainer.getManager(), batchShape(batchSize),
                        data.targetShape(batchSize));
                ProgressThrottle throttle = new ProgressThrottle(PROGRESS_INTERVAL_MILLIS);
                BatchProfile profile = BatchProfile.fromSystemProperty();

                int lastEpoch = 0;
                boolean stoppedEarly = false;
                for (int epoch = 1; epoch <= epochs && !stoppedEarly; epoch++) {
                    long epochStart = System.nanoTime();
                    shuffle(order, random);
                    if (profile != null) {
                        profile.epochStart();
                    }
                    double lossSum = 0;
                    double metricSum = 0;
                    int seen = 0;
                    // The batches since the last progress report: their mean is the per-step loss series.
                    double windowLossSum = 0;
                    int windowSeen = 0;
                    for (int b = 0; b < batches; b++) {
                        if (stopRequested.getAsBoolean()) {
                            throw new Stopped(epoch);
                        }
                        if (profile != null) {
                            profile.start();
                        }
                        int from = b * batchSize;
                        int size = Math.min(batchSize, fitCount - from);
                        for (int i = 0; i < size; i++) {
                            fit.copy(order[from + i], inputs, i * exampleSize, targets, i);
                        }
                        if (profile != null) {
                            profile.lap(BatchProfile.Phase.COPY);
                        }
                        try (NDManager batchManager = trainer.getManager().newSubManager()) {
                            // Full batches reuse two arrays made once; the short last one gets its own.
                            NDArray x;
                            NDArray y;
                            if (size == batchSize) {
                                x = full.inputs(inputs);
                                y = full.targets(targets);
                            } else {
                                x = batchManager.create(slice(inputs, size * exampleSize), batchShape(size));
                                y = batchManager.create(slice(targets, size), data.targetShape(size));
                            }
                            if (profile != null) {
                                profile.lap(BatchProfile.Phase.ARRAYS);
                            }
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDArray outputs = trainer.forward(new NDList(x)).singletonOrThrow();
                                NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(outputs));
                                if (profile != null) {
                                    profile.lap(BatchProfile.Phase.FORWARD);
                                }
                                collector.backward(cures.withPenalty(loss));
                                if (profile != null) {
                                    profile.lap(BatchProfile.Phase.BACKWARD);
                                }
                                double batchLoss = loss.getFloat();
                                lossSum += batchLoss * size;
                                windowLossSum += batchLoss * size;
                                metricSum += data.metricSum(outputs.toFloatArray(), targets, size);
                            }
                            if (profile != null) {
                                profile.lap(BatchProfile.Phase.READS);
                            }
                            cures.atBatch((long) (epoch - 1) * batches + b);
                            trainer.step();
                        }
                        if (profile != null) {
                            profile.lap(BatchProfile.Phase.STEP);
                            profile.batchDone();
                        }
                        seen += size;
                        windowSeen += size;
                        if (throttle.ready()) {
                            listener.progress(new Progress(epoch, epochs, b + 1, batches,
                                    lossSum / seen, estimate.remainingSeconds(epoch, b + 1, seconds(startNanos)),
                                    windowLossSum / windowSeen));
                            windowLossSum = 0;
                            windowSeen = 0;
                        }
                    }
                    if (profile != null) {
                        profile.epochDone(epoch, batchSize);
                    }
                    double trainSeconds = seconds(epochStart);
                    Score validation = evaluate(trainer, data.validation(), exampleSize, "validating", false);
                    if (modelDir != null) {
                        ModelFiles.saveAtomically(model, modelDir);
                    }
                    listener.epoch(metric.epoch(epoch, lossSum / seen, metricSum / seen, validation.loss(),
                            validation.metric(), seconds(epochStart), fitCount / trainSeconds, seconds(startNanos))
                            .withLearningRate(cures.currentLearningRate()));
                    lastEpoch = epoch;
                    stoppedEarly = cures.shouldStop(epoch, validation.loss()) && epoch < epochs;
                }

                // Early stopping tests (and keeps) the best epoch's weights, not the last ones.
                int bestEpoch = cures.restoreBest(lastEpoch);
                if (bestEpoch > 0 && bestEpoch != lastEpoch && modelDir != null) {
                    ModelFiles.saveAtomically(model, modelDir);
                }
                long testStart = System.nanoTime();
                Score test = evaluate(trainer, data.test(), exampleSize, "testing", true);
                data.afterTest((values, count) -> outputs(trainer, values, count, exampleSize));
                TestResult result = metric.testResult(test.loss(), test.metric(), testCount, seconds(testStart));
                if (bestEpoch > 0) {
                    result = result.withBestEpoch(bestEpoch, stoppedEarly);
                }
                listener.tested(result, seconds(startNanos));
                return result;
            }
        }
    }

    /** Mean loss and mean key metric over a set of examples; NaN for none. */
    private record Score(double loss, double metric) {
    }

    private Shape batchShape(int size) {
        return new Shape(size).addAll(data.exampleShape());
    }

    /** @param keepOutputs whether {@link Data#testOutputs} sees the outputs */
    private Score evaluate(Trainer trainer, Examples examples, int exampleSize, String phase, boolean keepOutputs) {
        int count = examples.count();
        if (count == 0) {
            return new Score(Double.NaN, Double.NaN);
        }
        float[] inputs = new float[EVAL_BATCH * exampleSize];
        float[] targets = new float[EVAL_BATCH];
        double lossSum = 0;
        double metricSum = 0;
        // Said before the first batch too: the page shows the pass at once instead of the last training batch.
        listener.evaluating(phase, 0, count);
        for (int from = 0; from < count; from += EVAL_BATCH) {
            int size = Math.min(EVAL_BATCH, count - from);
            for (int i = 0; i < size; i++) {
                examples.copy(from + i, inputs, i * exampleSize, targets, i);
            }
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDArray x = manager.create(slice(inputs, size * exampleSize), batchShape(size));
                NDArray y = manager.create(slice(targets, size), data.targetShape(size));
                NDArray outputs = trainer.evaluate(new NDList(x)).singletonOrThrow();
                lossSum += trainer.getLoss().evaluate(new NDList(y), new NDList(outputs)).getFloat() * size;
                float[] values = outputs.toFloatArray();
                metricSum += data.metricSum(values, targets, size);
                if (keepOutputs) {
                    data.testOutputs(from, size, values);
                }
            }
            // The test pass over 10,000 images takes 10-20 s on a laptop: say so while it runs, so the
            // server's watchdog hears from the worker and the page can show it.
            listener.evaluating(phase, from + size, count);
        }
        return new Score(lossSum / count, metricSum / count);
    }

    private float[] outputs(Trainer trainer, float[] inputs, int count, int exampleSize) {
        float[] all = null;
        int perExample = 0;
        for (int from = 0; from < count; from += EVAL_BATCH) {
            int size = Math.min(EVAL_BATCH, count - from);
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDArray x = manager.create(Arrays.copyOfRange(inputs, from * exampleSize, (from + size) * exampleSize),
                        batchShape(size));
                float[] batch = trainer.evaluate(new NDList(x)).singletonOrThrow().toFloatArray();
                if (all == null) {
                    perExample = batch.length / size;
                    all = new float[count * perExample];
                }
                System.arraycopy(batch, 0, all, from * perExample, batch.length);
            }
        }
        return all == null ? new float[0] : all;
    }
}
