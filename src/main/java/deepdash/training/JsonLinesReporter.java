package deepdash.training;

import deepdash.json.Json;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.Progress;
import deepdash.protocol.TestResult;
import deepdash.protocol.WorkerProtocol;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reports training to the server as {@link WorkerProtocol} lines on stdout. */
public final class JsonLinesReporter implements TrainingListener {

    private final PrintStream out;

    public JsonLinesReporter(PrintStream out) {
        this.out = out;
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
        send(WorkerProtocol.PROGRESS, progress);
    }

    @Override
    public void epoch(EpochMetrics metrics) {
        send(WorkerProtocol.EPOCH, metrics);
    }

    @Override
    public void tested(TestResult result, double trainSeconds) {
        send(WorkerProtocol.TESTED, Map.of("test", result, "trainSeconds", trainSeconds));
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
