package deepdash.training;

import deepdash.DataDirectory;
import deepdash.engine.EngineSettings;
import deepdash.mnist.MnistData;
import deepdash.runs.InvalidRunConfigException;
import deepdash.runs.RunConfig;
import deepdash.runs.RunConfigValidator;
import deepdash.runs.RunRecord;
import deepdash.runs.RunStatus;
import deepdash.runs.RunStore;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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

    @Option(names = "--model", defaultValue = "cnn", description = "cnn (MNIST digits)")
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
        Path folder;
        RunRecord record;
        try {
            folder = runFolder();
            record = Files.isRegularFile(folder.resolve(RunStore.RECORD_FILE))
                    ? RunStore.readRecord(folder)
                    : createRecord(folder);
            if (record.status() != RunStatus.QUEUED) {
                // Training again into a used folder would mix two runs' epochs in one metrics file.
                System.err.println("error: " + folder + " already holds a run that is " + record.status().wireName()
                        + "; choose a new --run-dir");
                return 2;
            }
        } catch (InvalidRunConfigException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        RunFilesWriter files = new RunFilesWriter(folder, record);
        TrainingListener reporter = "json".equals(progress)
                ? new JsonLinesReporter(System.out)
                : new TextProgressBar(System.out);
        try {
            MnistData data = MnistData.load(mnistDir);
            new CnnTraining(record.config(), data, RunStore.modelDir(folder),
                    TrainingListener.all(files, reporter), seed).run();
            if ("text".equals(progress)) {
                System.out.println("Run saved in " + folder);
            }
            return 0;
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            System.err.println("error: " + reason);
            RunStore.writeRecord(folder, files.record().ended(RunStatus.FAILED, reason, Instant.now()));
            return 1;
        }
    }

    private Path runFolder() {
        if (runDir != null) {
            return runDir.toAbsolutePath().normalize();
        }
        Path runs = DataDirectory.resolve(dataDir).resolve("runs");
        return runs.resolve(RunStore.newId(Instant.now()));
    }

    private RunRecord createRecord(Path folder) {
        if (!"cnn".equals(model)) {
            throw new InvalidRunConfigException("model", "the train command knows cnn, got \"" + model + "\"");
        }
        RunConfig config = RunConfigValidator.validateCnn(new RunConfig("cnn", epochs, batchSize, learningRate,
                trainLimit, device, null, null, null, null, null, null));
        RunRecord record = RunRecord.queued(folder.getFileName().toString(), config, Instant.now());
        RunStore.writeRecord(folder, record);
        return record;
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
