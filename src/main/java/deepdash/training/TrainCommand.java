package deepdash.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import deepdash.engine.EngineSettings;
import deepdash.errors.UserError;
import deepdash.files.DataDirectory;
import deepdash.i18n.Messages;
import deepdash.i18n.Text;
import deepdash.json.Json;
import deepdash.model.CnnArchitecture;
import deepdash.model.CnnSettings;
import deepdash.model.CnnSpec;
import deepdash.model.InvalidRunConfigException;
import deepdash.model.ModelRegistry;
import deepdash.model.ModelSettings;
import deepdash.model.ModelSpec;
import deepdash.model.Task;
import deepdash.prices.DatasetSource;
import deepdash.prices.DatasetStore;
import deepdash.prices.ParsedPrices;
import deepdash.prices.PriceCsvParser;
import deepdash.protocol.FailureMessages;
import deepdash.protocol.RunConfig;
import deepdash.protocol.RunFolder;
import deepdash.protocol.RunRecord;
import deepdash.protocol.RunStatus;
import deepdash.series.Forecast;
import deepdash.series.ForecastFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code deepdash train}: trains one run headless. The server launches it as a worker process for
 * every run (with {@code --run-dir} of a queued run and {@code --progress json}); people run it from
 * a terminal to get a text progress bar, and the run shows up in the dashboard like any other.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model without the web server. The run is stored in the data directory.")
public final class TrainCommand implements Callable<Integer> {

    /** How long a SIGTERM (a cancelled run) waits for the loop to stop between two batches. */
    private static final long STOP_WAIT_MILLIS = 2_000;

    private final ModelRegistry models = ModelRegistry.standard();

    @Option(names = "--run-dir", description = "Run folder. If it holds a run.json, that run's settings are used.")
    Path runDir;

    @Option(names = "--data-dir", defaultValue = "${env:DEEPDASH_DATA_DIR}",
            description = "Data directory; the run goes into <data-dir>/runs/<id> (default: ~/.deepdash).")
    Path dataDir;

    @Option(names = "--model", defaultValue = CnnSpec.NAME, completionCandidates = ModelNames.class,
            description = "One of ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}); series models need "
                    + "--dataset or --csv")
    String model;

    @Option(names = "--preset", description = "images: fast (2 epochs of batch 128, one-cycle to 0.004: the seed's "
            + "accuracy in a quarter of its time); flags given too win")
    String preset;

    @Option(names = "--epochs", description = "Epochs (default 10 for images, 20 for series)")
    Integer epochs;

    @Option(names = "--batch-size", description = "Batch size (default 32)")
    Integer batchSize;

    @Option(names = "--learning-rate", description = "Adam learning rate (default 0.001)")
    Double learningRate;

    @Option(names = "--train-limit", description = "images: use only the first N of the 60,000 training images")
    Integer trainLimit;

    @Option(names = "--architecture", paramLabel = "<json>", description = "images: the network as a JSON object, "
            + "e.g. '{\"blocks\":[{\"filters\":32,\"kernel\":3,\"pool\":{\"type\":\"max\",\"size\":2}}],"
            + "\"head\":\"flatten\",\"dense\":[{\"units\":64}]}' (default: the seed's network)")
    String architecture;

    @Option(names = "--dropout", description = "images: the fraction of each hidden dense layer's outputs dropped "
            + "in training, 0 to 0.9 (the seed's cure: 0.25), on --architecture's network or the seed's")
    Double dropout;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu")
    String device;

    @Option(names = "--l2", description = "images: L2 weight decay, 0 to 0.1 (default 0)")
    Double l2;

    @Option(names = "--l1", description = "images: L1 penalty on the weights, 0 to 0.01 (default 0)")
    Double l1;

    @Option(names = "--schedule", description = "images: learning-rate schedule: constant, step, cosine or onecycle")
    String schedule;

    @Option(names = "--step-epochs", description = "images: with --schedule step, epochs between halvings (default 3)")
    Integer stepEpochs;

    @Option(names = "--patience", description = "images: early stopping after N epochs without a lower val_loss; "
            + "the best epoch's weights are restored (default: off)")
    Integer patience;

    @Option(names = "--mnist-dir", description = "Folder with the four MNIST .gz files (default: the copy in the jar)")
    Path mnistDir;

    @Option(names = "--dataset", description = "series: the id of a dataset uploaded to the dashboard")
    String dataset;

    @Option(names = "--csv", description = "series: a price CSV file (instead of --dataset)")
    Path csv;

    @Option(names = "--target", description = "series: the column to forecast (default Adj Close, else Close)")
    String target;

    @Option(names = "--window", description = "series: days per input window (default 5)")
    Integer window;

    @Option(names = "--from", description = "series: first day used, YYYY-MM-DD (default: 2015-01-01 when the "
            + "file covers the seed's 2015..2023, else seven years before its last day)")
    String from;

    @Option(names = "--to", description = "series: last day used, YYYY-MM-DD (default: 2023-12-31 or the last in the "
            + "file)")
    String to;

    @Option(names = "--split-date", description = "series: first test day, YYYY-MM-DD (default 2022-01-01 or 80%%)")
    String splitDate;

    @Option(names = "--recipe", description = "series: seed (scaled prices, sigmoid head; the default) or returns "
            + "(standardised log returns, linear head)")
    String recipe;

    @Option(names = "--horizon", description = "series: business days ahead, 1, 5 or 20 (default 1)")
    Integer horizon;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for shuffling")
    long seed;

    @Option(names = "--progress", defaultValue = "text", description = "text (a progress bar) or json (for the server)")
    String progress;

    @Mixin
    LangOption lang;

    @Option(names = "--exit-with-parent", description = "Stop when standard input closes (the server died)")
    boolean exitWithParent;

    /** How often a starting worker tells the server it is alive (see {@link JsonLinesReporter#startHeartbeat}). */
    static final long HEARTBEAT_MILLIS = 1_000;

    /** The names {@code --model} takes, for its help text. */
    static final class ModelNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ModelRegistry.standard().names().iterator();
        }
    }

    @Override
    public Integer call() {
        Messages texts = Messages.of(lang.resolve(System.getenv()));
        JsonLinesReporter json = "json".equals(progress) ? new JsonLinesReporter(System.out) : null;
        if (json != null) {
            // First of all: loading MXNet and MNIST take seconds and cannot report themselves.
            json.startHeartbeat(HEARTBEAT_MILLIS);
        }
        if (exitWithParent) {
            watchParent(System.in);
        }
        RunFolder folder;
        RunRecord record;
        ModelSpec spec;
        try {
            folder = runFolder();
            record = folder.hasRecord() ? folder.readRecord() : createRecord(folder);
            if (record.status() != RunStatus.QUEUED) {
                // Training again into a used folder would mix two runs' epochs in one metrics file.
                return refuse(json, texts.get("cli.used_run_dir", folder.path(), record.status().wireName()));
            }
            spec = knownModel(record.config().model());
        } catch (UserError e) {
            // The server reads a worker's reasons in English; a person at a terminal reads their language.
            return refuse(json, json != null ? e.getMessage() : e.message(texts));
        } catch (UncheckedIOException e) {
            return refuse(json, texts.get("cli.cannot_read", FailureMessages.of(e)));
        } catch (RuntimeException e) {
            return refuse(json, FailureMessages.of(e));
        }
        // Before MXNet loads: its OpenMP threads are chosen for this run's batch size and the load now.
        // Series models stay on one thread: their recurrent operators are too small to split.
        String threads = EngineSettings.applyForTraining(spec.task() == Task.IMAGE_CLASSIFICATION
                ? record.config().settings().path("batchSize").asInt(CnnSettings.DEFAULTS.batchSize()) : 1);
        if (Boolean.getBoolean(BatchProfile.PROPERTY)) {
            // For the benchmark only: a worker's last stderr line may become its run's failure reason.
            System.err.println("deepdash: training on " + threads + " OpenMP thread(s)");
        }
        RunFilesWriter files = new RunFilesWriter(folder, record);
        TrainingListener reporter = json != null ? json : new TextProgressBar(System.out, texts);
        // A cancelled run's worker gets SIGTERM: the loop stops between two batches, then the JVM exits.
        AtomicBoolean stopRequested = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.set(true);
            try {
                stopped.await(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-training"));
        try {
            TaskTraining training = TrainingTasks.forRun(spec.task(), folder, mnistDir);
            training.train(spec, spec.settings(record.config()), folder, TrainingListener.all(files, reporter), seed,
                    stopRequested::get);
            if ("text".equals(progress)) {
                printForecast(folder, texts);
                System.out.println(texts.get("cli.saved", folder.path()));
            }
            return 0;
        } catch (TrainingLoop.Stopped e) {
            // The server records the cancellation; the run's completed epochs stay.
            return 143;
        } catch (RuntimeException | Error e) {
            // Errors too: an OutOfMemoryError or a native library that fails to load is a reason worth naming.
            return fail(folder, files, json, e);
        } finally {
            stopped.countDown();
        }
    }

    /** The run could not begin: nothing was trained, and the run folder is left as it was. */
    private static int refuse(JsonLinesReporter json, String reason) {
        if (json != null) {
            json.error(reason);
        }
        System.err.println("error: " + reason);
        return 2;
    }

    /**
     * Training failed: tell the server why (one protocol line, before anything else can fail), then
     * record it in run.json. When the run folder cannot be written either, the server records it.
     */
    private static int fail(RunFolder folder, RunFilesWriter files, JsonLinesReporter json, Throwable failure) {
        String reason = FailureMessages.of(failure);
        if (json != null) {
            json.error(reason);
        }
        System.err.println("error: " + reason);
        try {
            folder.writeRecord(files.record().ended(RunStatus.FAILED, reason, Instant.now()));
        } catch (RuntimeException notRecorded) {
            System.err.println("error: the failure could not be recorded in the run folder either: "
                    + FailureMessages.of(notRecorded));
        }
        return 1;
    }

    private ModelSpec knownModel(String name) {
        return models.find(name).orElseThrow(() -> new InvalidRunConfigException("model", Text.of("error.cli.unknown_model",
                String.join(", ", models.names()), name)));
    }

    private RunFolder runFolder() {
        if (runDir != null) {
            return new RunFolder(runDir);
        }
        Path runs = DataDirectory.resolve(dataDir).resolve("runs");
        return new RunFolder(runs.resolve(RunFolder.newId(Instant.now())));
    }

    /**
     * A new run from the flags: the model's own settings record checks them, exactly as the server
     * does. A series run gets a copy of its prices in its folder, so it does not depend on the
     * datasets folder or on the upload lasting.
     */
    private RunRecord createRecord(RunFolder folder) {
        ModelSpec spec = knownModel(model);
        if (csv != null && dataset != null) {
            throw new InvalidRunConfigException("csv", Text.of("error.cli.csv_and_dataset"));
        }
        ObjectNode flags = Json.mapper().createObjectNode();
        if (preset != null) {
            flags.put("preset", preset);
        }
        flags.put("epochs", epochs);
        flags.put("batchSize", batchSize);
        flags.put("learningRate", learningRate);
        flags.put("trainLimit", trainLimit);
        if (architecture != null) {
            flags.set("architecture", architectureJson(architecture));
        }
        flags.put("device", device);
        flags.put("l2", l2);
        flags.put("l1", l1);
        flags.put("schedule", schedule);
        flags.put("stepEpochs", stepEpochs);
        flags.put("patience", patience);
        flags.put("dataset", csv != null ? csv.getFileName().toString() : dataset);
        flags.put("target", target);
        flags.put("window", window);
        flags.put("from", from);
        flags.put("to", to);
        flags.put("splitDate", splitDate);
        flags.put("recipe", recipe);
        flags.put("horizon", horizon);
        DatasetSource datasets = commandLineDatasets();
        ModelSettings checked = spec.read(new RunConfig(model, flags)).check(datasets);
        if (dropout != null) {
            if (!(checked instanceof CnnSettings cnn)) {
                throw new InvalidRunConfigException("dropout", Text.of("error.cli.dropout_images", model));
            }
            if (!(dropout >= 0 && dropout <= CnnArchitecture.MAX_DROPOUT)) {
                throw new InvalidRunConfigException("dropout", Text.of("error.settings.from_zero",
                        CnnArchitecture.MAX_DROPOUT, dropout));
            }
            checked = cnn.withDenseDropout(dropout).check(datasets);
        }
        if (checked.copiedDataset() != null) {
            folder.copyPrices(datasets.originalFile(checked.copiedDataset()));
        }
        RunRecord record = RunRecord.queued(folder.id(), spec.config(checked), Instant.now());
        folder.writeRecord(record);
        return record;
    }

    /** {@code --architecture}'s JSON object; the model's settings check what is in it. */
    static ObjectNode architectureJson(String text) {
        try {
            JsonNode node = Json.bodies().readTree(text);
            if (node == null || !node.isObject()) {
                throw new InvalidRunConfigException("architecture", Text.of("error.cli.architecture_object", text));
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new InvalidRunConfigException("architecture", Text.of("error.json.invalid", e.getOriginalMessage()));
        }
    }

    /** {@code --csv}'s file under its own name, else the datasets uploaded to the data directory. */
    private DatasetSource commandLineDatasets() {
        DatasetStore store = new DatasetStore(DataDirectory.resolve(dataDir).resolve("datasets"));
        return new DatasetSource() {
            @Override
            public Optional<ParsedPrices> prices(String id) {
                Path file = originalFile(id);
                if (file == null || !Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(new PriceCsvParser().parse(Files.readAllBytes(file),
                            file.getFileName().toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(file.toString(), e);
                }
            }

            @Override
            public Path originalFile(String id) {
                if (csv != null && csv.getFileName().toString().equals(id)) {
                    return csv;
                }
                return DatasetStore.isValidId(id) ? store.originalFile(id) : null;
            }
        };
    }

    private static void printForecast(RunFolder folder, Messages texts) {
        Optional<Forecast> written = ForecastFiles.read(folder);
        written.ifPresent(forecast -> System.out.println(texts.get("cli.forecast", forecast.recipe().wireName(),
                forecast.horizon(), String.format(Locale.ROOT, "%.4f", forecast.metrics().mae()),
                String.format(Locale.ROOT, "%.4f", forecast.baseline().mae()), forecast.maeRatio() == null ? "-"
                        : String.format(Locale.ROOT, "%.4f", forecast.maeRatio()),
                String.format(Locale.ROOT, "%.3f",
                        forecast.dieboldMariano() == null ? Double.NaN : forecast.dieboldMariano().statistic()),
                String.format(Locale.ROOT, "%.4g",
                        forecast.dieboldMariano() == null ? Double.NaN : forecast.dieboldMariano().pValue()),
                forecast.next().date(), String.format(Locale.ROOT, "%.4f", forecast.next().value()))));
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
            } catch (IOException ignored) {
                // A broken pipe means the same as end of stream.
            }
            System.err.println("deepdash worker: the server is gone; stopping");
            Runtime.getRuntime().halt(3);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
