package deepdash.training;

import deepdash.json.Json;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.Progress;
import deepdash.protocol.TestResult;
import deepdash.protocol.WorkerProtocol;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reports training to the server as {@link WorkerProtocol} lines on stdout, and keeps the server
 * hearing from the worker the whole time: see {@link #startHeartbeat} and {@link #evaluating}.
 */
public final class JsonLinesReporter implements TrainingListener {

    /** Evaluation batches take 0.1 to 1 s; one line per 200 ms at most is plenty to show life. */
    private static final long ALIVE_INTERVAL_MILLIS = 200;

    private final PrintStream out;
    private final ProgressThrottle aliveThrottle = new ProgressThrottle(ALIVE_INTERVAL_MILLIS);
    private volatile Thread heartbeat;

    public JsonLinesReporter(PrintStream out) {
        this.out = out;
    }

    /**
     * Sends an {@code alive} line every {@code intervalMillis} from a daemon thread until training
     * reports by itself (its first progress line, or an error). Start-up is a few long calls that
     * cannot report (loading MXNet, reading MNIST); after it, the training thread's own lines show
     * it is making progress, which a thread beside it could not. A stopped (SIGSTOP) or frozen
     * process stops this thread too, so the server still notices.
     */
    public void startHeartbeat(long intervalMillis) {
        Thread thread = new Thread(() -> {
            try {
                while (heartbeat == Thread.currentThread()) {
                    send(WorkerProtocol.ALIVE, Map.of("phase", "starting"));
                    Thread.sleep(intervalMillis);
                }
            } catch (InterruptedException stopped) {
                // Training reports by itself from now on.
            }
        }, "heartbeat");
        thread.setDaemon(true);
        heartbeat = thread;
        thread.start();
    }

    private void stopHeartbeat() {
        Thread thread = heartbeat;
        if (thread != null) {
            heartbeat = null;
            thread.interrupt();
        }
    }

    @Override
    public void started(String device, int epochs, int batches, int trainSamples, int validationSamples) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("device", device);
        data.put("epochs", epochs);
        data.put("batches", batches);
        data.put("trainSamples", trainSamples);
        data.put("validationSamples", validationSamples);
        send(WorkerProtocol.STARTED, data);
    }

    @Override
    public void progress(Progress progress) {
        stopHeartbeat();
        send(WorkerProtocol.PROGRESS, progress);
    }

    @Override
    public void epoch(EpochMetrics metrics) {
        send(WorkerProtocol.EPOCH, metrics);
    }

    @Override
    public void evaluating(String phase, int done, int total) {
        // The start of a pass always goes out: the page switches to "evaluating" at once.
        if (aliveThrottle.ready() || done == 0) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("phase", phase);
            data.put("done", done);
            data.put("total", total);
            send(WorkerProtocol.EVALUATING, data);
        }
    }

    @Override
    public void tested(TestResult result, double trainSeconds) {
        send(WorkerProtocol.TESTED, Map.of("test", result, "trainSeconds", trainSeconds));
    }

    /** The last line of a failing worker: why it is about to exit. */
    public void error(String message) {
        stopHeartbeat();
        send(WorkerProtocol.ERROR, Map.of("message", message));
    }

    private void send(String type, Object data) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put("data", data);
        // One println per message: PrintStream writes the line in one go, and flush makes it live.
        synchronized (out) {
            out.println(WorkerProtocol.PREFIX + Json.write(message));
            out.flush();
        }
    }
}
