package deepdash.support;

import deepdash.runs.WorkerLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A stand-in training worker: a shell script that prints the protocol lines a real worker prints
 * for a CNN run (started on {@code cpu()}, a few batches with their per-step loss, the validation
 * pass, epoch 1, the start of the test pass), then stays in the test pass, repeating its line as a
 * real worker does while it scores 10,000 images, until it is stopped. Quick and deterministic, for
 * tests of what the pages make of those lines.
 */
public final class ScriptedWorker {

    /** Progress lines sent in epoch 1 (steps 1..BATCH_LINES of {@link #BATCHES} a epoch). */
    public static final int BATCH_LINES = 6;
    /** Batches an epoch: 1,000, so the server keeps every second step (at most 500 points an epoch). */
    public static final int BATCHES = 1000;
    public static final int TEST_IMAGES = 10_000;
    public static final int TESTED_SO_FAR = 4096;

    private ScriptedWorker() {
    }

    /** The loss the script reports for step {@code step}. */
    public static double batchLoss(int step) {
        return 2.0 + step / 10.0;
    }

    /**
     * A worker that says nothing until {@link #release} is called for its run, so a test (or a page)
     * can be listening first: progress lines are live events, not replayed to late listeners.
     */
    public static WorkerLauncher launcher() {
        return runDir -> new ProcessBuilder("sh", "-c", script(), "worker", runDir.toString()).start();
    }

    /** Lets run {@code runId}'s worker go on with its lines. */
    public static void release(Path dataDir, String runId) {
        try {
            Files.createFile(dataDir.resolve("runs").resolve(runId).resolve(GO_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String GO_FILE = "go";

    static String script() {
        List<String> lines = new ArrayList<>();
        lines.add("while [ ! -e \"$1/" + GO_FILE + "\" ]; do sleep 0.1; done");
        lines.add(say("{\"type\":\"started\",\"data\":{\"device\":\"cpu()\",\"epochs\":2,\"batches\":" + BATCHES
                + ",\"trainSamples\":1600,\"validationSamples\":400}}"));
        for (int step = 1; step <= BATCH_LINES; step++) {
            lines.add(say(String.format(Locale.ROOT, "{\"type\":\"progress\",\"data\":{\"epoch\":1,\"epochs\":2,"
                    + "\"batch\":%d,\"batches\":%d,\"loss\":2.3,\"etaSeconds\":50,\"batchLoss\":%.2f}}", step, BATCHES,
                    batchLoss(step))));
        }
        lines.add(say("{\"type\":\"evaluating\",\"data\":{\"phase\":\"validating\",\"done\":0,\"total\":400}}"));
        lines.add(say("{\"type\":\"epoch\",\"data\":{\"epoch\":1,\"loss\":0.5,\"accuracy\":0.8,\"val_loss\":0.4,"
                + "\"val_accuracy\":0.85,\"epochSeconds\":3.5,\"samplesPerSecond\":400,\"elapsedSeconds\":3.5,"
                + "\"learning_rate\":0.001}}"));
        String testing = say("{\"type\":\"evaluating\",\"data\":{\"phase\":\"testing\",\"done\":" + TESTED_SO_FAR
                + ",\"total\":" + TEST_IMAGES + "}}");
        lines.add("while true; do " + testing + "; sleep 0.5; done");
        return String.join("\n", lines);
    }

    private static String say(String json) {
        return "echo '@deepdash " + json + "'";
    }
}
