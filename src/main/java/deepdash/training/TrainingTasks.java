package deepdash.training;

import deepdash.mnist.MnistData;
import deepdash.model.Task;
import deepdash.prices.DateOrder;
import deepdash.prices.ParsedPrices;
import deepdash.prices.PriceCsvParser;
import deepdash.protocol.RunFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The worker's side of the model registry: how each task is trained. The server never loads this
 * package; it only knows a model's spec. Every model of a task trains the same way, so a new model
 * of an existing task needs nothing here.
 */
public final class TrainingTasks {

    private TrainingTasks() {
    }

    /**
     * The training for a run of {@code task} in {@code folder}.
     *
     * @param mnistDir the MNIST files for image tasks, or null for the copy in the jar
     */
    public static TaskTraining forRun(Task task, RunFolder folder, Path mnistDir) {
        return switch (task) {
            case IMAGE_CLASSIFICATION -> new ImageClassification(MnistData.load(mnistDir));
            // A series run reads only its own folder's copy of the prices, made when the run was created.
            case SERIES_FORECAST -> new SeriesForecasting(prices(folder));
        };
    }

    /** The run's copy of the prices, its dates read in the order the user chose for the dataset, if any. */
    private static ParsedPrices prices(RunFolder folder) {
        Path file = folder.pricesFile();
        DateOrder order = folder.pricesSource().flatMap(source -> DateOrder.of(source.dateOrder())).orElse(null);
        try {
            return new PriceCsvParser(order).parse(Files.readAllBytes(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
