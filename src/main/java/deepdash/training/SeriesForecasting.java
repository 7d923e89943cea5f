package deepdash.training;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import deepdash.model.ModelSettings;
import deepdash.model.ModelSpec;
import deepdash.model.RecurrentArchitecture;
import deepdash.model.SeriesSettings;
import deepdash.prices.ParsedPrices;
import deepdash.protocol.RunFolder;
import deepdash.protocol.TestResult;
import deepdash.series.Forecast;
import deepdash.series.ForecastFiles;
import deepdash.series.WindowedSeries;
import java.util.function.BooleanSupplier;

/**
 * Series forecasters on one price column: windows before the split date are fitted (shuffled every
 * epoch) and validated (the last 20% of them, in time order, as Keras's {@code validation_split});
 * after the last epoch the test windows are forecast once, and so is the next business day, and
 * {@code forecast.json} is written before the run reports its test. Loss: the mean squared error in
 * the recipe's units (scaled prices for the seed's, standardised returns for {@code returns}); the
 * metric is the mean absolute error in the same units. With a horizon above 1 each window's target
 * is that many days after its last day (a direct forecast: one model per horizon).
 *
 * <p>The seed trained on its test set; this never shows the test windows to the model or to the
 * scaler before the final forecast.
 */
public final class SeriesForecasting implements TaskTraining {

    private final ParsedPrices prices;
    private Forecast forecast;

    /** @param prices the run's copy of its dataset */
    public SeriesForecasting(ParsedPrices prices) {
        this.prices = prices;
    }

    @Override
    public TestResult train(ModelSpec spec, ModelSettings settings, RunFolder folder, TrainingListener listener,
            long seed, BooleanSupplier stopRequested) {
        SeriesSettings.Resolved resolved = ((SeriesSettings) settings).resolve(prices);
        SeriesSettings checked = resolved.settings();
        WindowedSeries series = resolved.series();
        int window = series.window();
        Windows fit = Windows.of(series, series.firstFitTarget(), series.fitWindows());
        Windows validation = Windows.of(series, series.firstValidationTarget(), series.validationWindows());
        Windows test = Windows.of(series, series.firstTestTarget(), series.testWindows());
        TrainingLoop.Data data = new TrainingLoop.Data() {
            @Override
            public Shape exampleShape() {
                return new Shape(window, RecurrentArchitecture.FEATURES);
            }

            @Override
            public Shape targetShape(int count) {
                return new Shape(count, 1);
            }

            @Override
            public Loss loss() {
                return Loss.l2Loss("mse", 1);
            }

            @Override
            public TrainingLoop.Examples fit() {
                return fit;
            }

            @Override
            public TrainingLoop.Examples validation() {
                return validation;
            }

            @Override
            public TrainingLoop.Examples test() {
                return test;
            }

            /** Absolute errors, in the recipe's units. */
            @Override
            public double metricSum(float[] predictions, float[] targets, int count) {
                double sum = 0;
                for (int i = 0; i < count; i++) {
                    sum += Math.abs(predictions[i] - targets[i]);
                }
                return sum;
            }

            @Override
            public void afterTest(TrainingLoop.Outputs trained) {
                float[] testPredictions = trained.of(test.inputs(), test.count());
                float next = trained.of(series.scaledLastWindow(), 1)[0];
                forecast = Forecast.of(series, checked.target(), testPredictions, next);
                if (folder != null) {
                    // Before "tested": once run.json says completed, the forecast is there to read.
                    ForecastFiles.write(folder.forecastFile(), forecast);
                }
            }
        };
        TrainingLoop.Settings loop = new TrainingLoop.Settings(checked.epochs(), checked.batchSize(),
                checked.learningRate(), checked.device(), seed);
        // The recipe chooses the head: the seed's sigmoid or a linear one for returns.
        return new TrainingLoop(spec, () -> spec.newBlock(checked), data, loop,
                folder == null ? null : folder.modelDir(), listener, stopRequested).run();
    }

    /** The forecast of the last {@link #train}, null before it ends. */
    public Forecast forecast() {
        return forecast;
    }

    /** Consecutive windows of a series: scaled inputs, window after window, and their scaled targets. */
    private record Windows(float[] inputs, float[] targets, int window) implements TrainingLoop.Examples {

        static Windows of(WindowedSeries series, int firstTarget, int count) {
            return new Windows(series.scaledInputs(firstTarget, count), series.scaledTargets(firstTarget, count),
                    series.window());
        }

        @Override
        public int count() {
            return targets.length;
        }

        @Override
        public void copy(int index, float[] into, int inputOffset, float[] targetsOut, int targetIndex) {
            System.arraycopy(inputs, index * window, into, inputOffset, window);
            targetsOut[targetIndex] = targets[index];
        }
    }
}
