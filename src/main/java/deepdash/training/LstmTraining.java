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
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import deepdash.forecast.Forecast;
import deepdash.forecast.ForecastFiles;
import deepdash.forecast.WindowedSeries;
import deepdash.model.LstmArchitecture;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.Progress;
import deepdash.protocol.RunConfig;
import deepdash.protocol.TestResult;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Trains the seed's LSTM on one price series: windows before the split date are fitted (shuffled
 * every epoch) and validated (the last 20% of them, in time order, as Keras's
 * {@code validation_split}); after the last epoch the test windows are forecast once, and so is the
 * next business day. Loss is the mean squared error of the scaled prices, optimizer Adam.
 * Runs in a worker process, which owns every MXNet call it makes.
 *
 * <p>The seed trained on its test set; this never shows the test windows to the model or to the
 * scaler before the final forecast.
 */
public final class LstmTraining {

    public static final String MODEL_NAME = "lstm";
    private static final int EVAL_BATCH = 512;

    private final RunConfig config;
    private final WindowedSeries series;
    private final Path modelDir;
    private final Path forecastFile;
    private final TrainingListener listener;
    private final long seed;

    /**
     * @param config a config checked by {@code LstmRunSettings} (epochs, batch size, learning rate, device, target)
     * @param series the windows that config makes
     * @param modelDir where the trained parameters are saved after every epoch (null: not saved)
     * @param forecastFile where {@code forecast.json} is written before the run reports its test (null: not written)
     */
    public LstmTraining(RunConfig config, WindowedSeries series, Path modelDir, Path forecastFile,
            TrainingListener listener, long seed) {
        this.config = config;
        this.series = series;
        this.modelDir = modelDir;
        this.forecastFile = forecastFile;
        this.listener = listener;
        this.seed = seed;
    }

    /** Trains, forecasts the test days and the next day, and returns the forecast. */
    public Forecast run() {
        Device device = Devices.resolve(config.device());
        int window = series.window();
        int fitCount = series.fitWindows();
        int validationCount = series.validationWindows();
        int testCount = series.testWindows();
        float[] fitInputs = series.scaledInputs(series.firstFitTarget(), fitCount);
        float[] fitTargets = series.scaledTargets(series.firstFitTarget(), fitCount);
        float[] validationInputs = series.scaledInputs(series.firstValidationTarget(), validationCount);
        float[] validationTargets = series.scaledTargets(series.firstValidationTarget(), validationCount);
        float[] testInputs = series.scaledInputs(series.firstTestTarget(), testCount);
        float[] testTargets = series.scaledTargets(series.firstTestTarget(), testCount);

        int batchSize = config.batchSize();
        int batches = (fitCount + batchSize - 1) / batchSize;
        int epochs = config.epochs();
        long startNanos = System.nanoTime();
        WorkEstimate estimate = new WorkEstimate(epochs, batches, validationCount, testCount, batchSize);
        // Same seed, same initial weights: two runs with the same settings can be compared.
        Engine.getInstance().setRandomSeed((int) seed);
        listener.started(device.toString(), epochs, batches, fitCount, validationCount);

        try (Model model = Model.newInstance(MODEL_NAME, device)) {
            model.setBlock(LstmArchitecture.newBlock());
            DefaultTrainingConfig trainingConfig = kerasLikeConfig(Loss.l2Loss("mse", 1), config.learningRate(),
                    device);
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(new Shape(batchSize, window, LstmArchitecture.FEATURES));
                int[] order = identityOrder(fitCount);
                Random random = new Random(seed);
                float[] x = new float[batchSize * window];
                float[] y = new float[batchSize];
                ProgressThrottle throttle = new ProgressThrottle(200);

                for (int epoch = 1; epoch <= epochs; epoch++) {
                    long epochStart = System.nanoTime();
                    shuffle(order, random);
                    double squaredSum = 0;
                    double absoluteSum = 0;
                    int seen = 0;
                    for (int b = 0; b < batches; b++) {
                        int from = b * batchSize;
                        int size = Math.min(batchSize, fitCount - from);
                        for (int i = 0; i < size; i++) {
                            int w = order[from + i];
                            System.arraycopy(fitInputs, w * window, x, i * window, window);
                            y[i] = fitTargets[w];
                        }
                        try (NDManager batchManager = trainer.getManager().newSubManager()) {
                            NDArray inputs = batchManager.create(slice(x, size * window),
                                    new Shape(size, window, LstmArchitecture.FEATURES));
                            NDArray targets = batchManager.create(slice(y, size), new Shape(size, 1));
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDArray predictions = trainer.forward(new NDList(inputs)).singletonOrThrow();
                                NDArray loss = trainer.getLoss().evaluate(new NDList(targets), new NDList(predictions));
                                collector.backward(loss);
                                squaredSum += loss.getFloat() * size;
                                absoluteSum += predictions.sub(targets).abs().sum().getFloat();
                            }
                            trainer.step();
                        }
                        seen += size;
                        if (throttle.ready()) {
                            listener.progress(new Progress(epoch, epochs, b + 1, batches, squaredSum / seen,
                                    estimate.remainingSeconds(epoch, b + 1, seconds(startNanos))));
                        }
                    }
                    double trainSeconds = seconds(epochStart);
                    Score validation = Score.of(predict(trainer, validationInputs, window), validationTargets);
                    if (modelDir != null) {
                        ModelFiles.saveAtomically(model, modelDir);
                    }
                    listener.epoch(EpochMetrics.regressor(epoch, squaredSum / seen, absoluteSum / seen,
                            validation.mse(), validation.mae(), seconds(epochStart), fitCount / trainSeconds,
                            seconds(startNanos)));
                }

                long testStart = System.nanoTime();
                float[] testPredictions = predict(trainer, testInputs, window);
                Score test = Score.of(testPredictions, testTargets);
                float next = predict(trainer, series.scaledLastWindow(), window)[0];
                Forecast forecast = Forecast.of(series, config.target(), testPredictions, next);
                if (forecastFile != null) {
                    // Before "tested": once run.json says completed, the forecast is there to read.
                    ForecastFiles.write(forecastFile, forecast);
                }
                listener.tested(new TestResult(test.mse(), null, test.mae(), testCount, seconds(testStart)),
                        seconds(startNanos));
                return forecast;
            }
        }
    }

    /** Mean squared and absolute error in scaled units; NaN for no windows. */
    private record Score(double mse, double mae) {

        static Score of(float[] predictions, float[] targets) {
            if (targets.length == 0) {
                return new Score(Double.NaN, Double.NaN);
            }
            double squared = 0;
            double absolute = 0;
            for (int i = 0; i < targets.length; i++) {
                double error = predictions[i] - targets[i];
                squared += error * error;
                absolute += Math.abs(error);
            }
            return new Score(squared / targets.length, absolute / targets.length);
        }
    }

    /** The model's scaled output for each window in {@code inputs}. */
    private static float[] predict(Trainer trainer, float[] inputs, int window) {
        int count = inputs.length / window;
        float[] outputs = new float[count];
        for (int from = 0; from < count; from += EVAL_BATCH) {
            int size = Math.min(EVAL_BATCH, count - from);
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDArray x = manager.create(Arrays.copyOfRange(inputs, from * window, (from + size) * window),
                        new Shape(size, window, LstmArchitecture.FEATURES));
                float[] batch = trainer.evaluate(new NDList(x)).singletonOrThrow().toFloatArray();
                System.arraycopy(batch, 0, outputs, from, size);
            }
        }
        return outputs;
    }



}
