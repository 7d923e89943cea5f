package deepdash.training;

import deepdash.engine.EngineSettings;
import deepdash.errors.UserError;
import deepdash.files.DataDirectory;
import deepdash.forecast.Forecast;
import deepdash.forecast.LstmRunSettings;
import deepdash.mnist.MnistData;
import deepdash.prices.DatasetStore;
import deepdash.prices.ParsedPrices;
import deepdash.prices.PriceCsvException;
import deepdash.prices.PriceCsvParser;
import deepdash.protocol.RunConfig;
import deepdash.protocol.RunFolder;
import deepdash.protocol.RunRecord;
import deepdash.protocol.RunStatus;
import deepdash.runs.InvalidRunConfigException;
import deepdash.runs.RunConfigValidator;
import deepdash.runs.RunStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code deepdash train}: trains one run headless. The server launches it as a worker process for
 * every run (with {@code --run-dir} of a queued run and {@code --progress json}); people run it from
 * a terminal to get a text progress bar, and the run shows up in the dashboard like any other.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model without the web server. The run is stored in the data directory.")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--run-dir", description = "Run folder. If it holds a run.json, that run's settings are used.")
    Path runDir;

    @Option(names = "--data-dir", defaultValue = "${env:DEEPDASH_DATA_DIR}",
            description = "Data directory; the run goes into <data-dir>/runs/<id> (default: ~/.deepdash).")
    Path dataDir;

    @Option(names = "--model", defaultValue = "cnn",
            description = "cnn (MNIST digits) or lstm (daily prices; needs --dataset or --csv)")
    String model;

    @Option(names = "--epochs", description = "Epochs (default 10)")
    Integer epochs;

    @Option(names = "--batch-size", description = "Batch size (default 32)")
    Integer batchSize;

    @Option(names = "--learning-rate", description = "Adam learning rate (default 0.001)")
    Double learningRate;

    @Option(names = "--train-limit", description = "Use only the first N of the 60,000 training images")
    Integer trainLimit;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu")
    String device;

    @Option(names = "--mnist-dir", description = "Folder with the four MNIST .gz files (default: the copy in the jar)")
    Path mnistDir;

    @Option(names = "--dataset", description = "lstm: the id of a dataset uploaded to the dashboard")
    String dataset;

    @Option(names = "--csv", description = "lstm: a price CSV file (instead of --dataset)")
    Path csv;

    @Option(names = "--target", description = "lstm: the column to forecast (default Adj Close, else Close)")
    String target;

    @Option(names = "--window", description = "lstm: days per input window (default 5)")
    Integer window;

    @Option(names = "--from", description = "lstm: first day used, YYYY-MM-DD (default: the first in the file)")
    String from;

    @Option(names = "--to", description = "lstm: last day used, YYYY-MM-DD (default: the last in the file)")
    String to;

    @Option(names = "--split-date", description = "lstm: first test day, YYYY-MM-DD (default 2022-01-01 or 80%)")
    String splitDate;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for shuffling")
    long seed;

    @Option(names = "--progress", defaultValue = "text", description = "text (a progress bar) or json (for the server)")
    String progress;

    @Option(names = "--exit-with-parent", description = "Stop when standard input closes (the server died)")
    boolean exitWithParent;

    @Override
    public Integer call() {
        EngineSettings.applyToThisProcess();
        if (exitWithParent) {
            watchParent(System.in);
        }
        RunFolder folder;
        RunRecord record;
        try {
            folder = runFolder();
            record = folder.hasRecord() ? folder.readRecord() : createRecord(folder);
            if (record.status() != RunStatus.QUEUED) {
                // Training again into a used folder would mix two runs' epochs in one metrics file.
                System.err.println("error: " + folder + " already holds a run that is " + record.status().wireName()
                        + "; choose a new --run-dir");
                return 2;
            }
        } catch (UserError e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("error: cannot read " + e.getMessage());
            return 2;
        }
        RunFilesWriter files = new RunFilesWriter(folder, record);
        TrainingListener reporter = "json".equals(progress)
                ? new JsonLinesReporter(System.out)
                : new TextProgressBar(System.out);
        try {
            TrainingListener listener = TrainingListener.all(files, reporter);
            String chosen = record.config().model();
            if (LstmTraining.MODEL_NAME.equals(chosen)) {
                trainLstm(folder, record, listener);
            } else if (CnnTraining.MODEL_NAME.equals(chosen)) {
                MnistData data = MnistData.load(mnistDir);
                new CnnTraining(record.config(), data, folder.modelDir(), listener, seed).run();
            } else {
                throw new IllegalArgumentException("model: the train command knows cnn and lstm, got \"" + chosen
                        + "\"");
            }
            if ("text".equals(progress)) {
                System.out.println("Run saved in " + folder);
            }
            return 0;
        } catch (RuntimeException | IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            System.err.println("error: " + reason);
            folder.writeRecord(files.record().ended(RunStatus.FAILED, reason, Instant.now()));
            return 1;
        }
    }

    private RunFolder runFolder() {
        if (runDir != null) {
            return new RunFolder(runDir);
        }
        Path runs = DataDirectory.resolve(dataDir).resolve("runs");
        return new RunFolder(runs.resolve(RunStore.newId(Instant.now())));
    }

    /**
     * An LSTM run reads only its own folder's copy of the prices (the server copies the dataset there
     * when it creates the run), so it does not depend on the datasets folder or on the upload lasting.
     */
    private void trainLstm(RunFolder folder, RunRecord record, TrainingListener listener)
            throws IOException, PriceCsvException {
        Path prices = folder.pricesFile();
        ParsedPrices parsed = new PriceCsvParser().parse(Files.readAllBytes(prices), prices.getFileName().toString());
        LstmRunSettings.Resolved resolved = LstmRunSettings.resolve(record.config(), parsed);
        Forecast forecast = new LstmTraining(record.config(), resolved.series(), folder.modelDir(),
                folder.forecastFile(), listener, seed).run();
        if ("text".equals(progress)) {
            System.out.printf(Locale.ROOT, "Test MAE in price units: LSTM %.4f, naive \"tomorrow = today\" %.4f, "
                    + "ratio %s%nForecast for %s: %.4f%n", forecast.metrics().mae(), forecast.baseline().mae(),
                    forecast.maeRatio() == null ? "-" : String.format(Locale.ROOT, "%.4f", forecast.maeRatio()),
                    forecast.next().date(), forecast.next().value());
        }
    }

    private RunRecord createRecord(RunFolder folder) throws IOException, PriceCsvException {
        RunConfig config;
        if ("cnn".equals(model)) {
            config = RunConfigValidator.validateCnn(new RunConfig("cnn", epochs, batchSize, learningRate,
                    trainLimit, device, null, null, null, null, null, null));
        } else if (LstmTraining.MODEL_NAME.equals(model)) {
            Path source = lstmSource();
            ParsedPrices prices = new PriceCsvParser().parse(Files.readAllBytes(source),
                    source.getFileName().toString());
            config = LstmRunSettings.resolve(new RunConfig(LstmTraining.MODEL_NAME, epochs, batchSize, learningRate,
                    trainLimit, device, dataset, target, window, from, to, splitDate), prices).config();
            folder.copyPrices(source);
        } else {
            throw new InvalidRunConfigException("model", "the train command knows cnn and lstm, got \"" + model
                    + "\"");
        }
        RunRecord record = RunRecord.queued(folder.id(), config, Instant.now());
        folder.writeRecord(record);
        return record;
    }

    private Path lstmSource() throws IOException {
        if ((csv == null) == (dataset == null)) {
            throw new InvalidRunConfigException(csv == null ? "dataset" : "csv",
                    "an lstm run needs exactly one of --dataset (an uploaded dataset's id) and --csv (a file)");
        }
        if (csv != null) {
            return csv;
        }
        DatasetStore store = new DatasetStore(DataDirectory.resolve(dataDir).resolve("datasets"));
        if (!DatasetStore.isValidId(dataset) || store.find(dataset).isEmpty()) {
            throw new InvalidRunConfigException("dataset", "no dataset with id \"" + dataset + "\" in "
                    + DataDirectory.resolve(dataDir).resolve("datasets"));
        }
        return store.originalFile(dataset);
    }

    /**
     * The server keeps this process's stdin open; when the server dies the pipe closes. Stopping
     * then keeps an orphan from writing into a run that a restarted server has marked interrupted.
     */
    private static void watchParent(InputStream stdin) {
        Thread watcher = new Thread(() -> {
            try {
                while (stdin.read() != -1) {
                    // Nothing is ever sent; reading only waits for the end of the stream.
                }
            } catch (java.io.IOException ignored) {
                // A broken pipe means the same as end of stream.
            }
            System.err.println("deepdash worker: the server is gone; stopping");
            Runtime.getRuntime().halt(3);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
