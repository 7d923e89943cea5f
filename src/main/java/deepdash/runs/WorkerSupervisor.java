package deepdash.runs;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.json.Json;
import deepdash.protocol.WorkerProtocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one worker process: turns its stdout protocol lines into calls on {@code onMessage},
 * keeps the last lines of its stderr that could name a failure, and calls {@code onExit} exactly
 * once, after the process has ended and both streams are drained. Nothing the handlers throw
 * escapes into these threads: a bad line is skipped, and the exit is always reported.
 */
final class WorkerSupervisor {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerSupervisor.class);
    private static final int STDERR_LINES_KEPT = 20;

    interface ExitHandler {
        void exited(int exitCode, String stderrTail);
    }

    private final Deque<String> stderrTail = new ArrayDeque<>();

    void watch(String runId, Process process, BiConsumer<String, JsonNode> onMessage, ExitHandler onExit) {
        Thread errors = new Thread(() -> drainErrors(process.getErrorStream()), "worker-stderr-" + runId);
        errors.setDaemon(true);
        errors.start();
        Thread output = new Thread(() -> {
            try {
                readProtocol(runId, process.getInputStream(), onMessage);
            } catch (RuntimeException unexpected) {
                LOG.error("reading the worker of run {} failed; waiting for it to exit", runId, unexpected);
            }
            int code = waitFor(process);
            try {
                errors.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                onExit.exited(code, tail());
            } catch (RuntimeException unexpected) {
                LOG.error("recording the end of run {} failed", runId, unexpected);
            }
        }, "worker-stdout-" + runId);
        output.setDaemon(true);
        output.start();
    }

    private static void readProtocol(String runId, InputStream stdout, BiConsumer<String, JsonNode> onMessage) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith(WorkerProtocol.PREFIX)) {
                    continue;
                }
                JsonNode message;
                try {
                    message = Json.mapper().readTree(line.substring(WorkerProtocol.PREFIX.length()));
                } catch (IOException malformed) {
                    continue;
                }
                try {
                    onMessage.accept(message.path("type").asText(), message.path("data"));
                } catch (RuntimeException unexpected) {
                    // One line the server cannot use must not stop it reading the rest, or the exit.
                    LOG.warn("run {}: skipped a worker line it could not handle: {}", runId, line, unexpected);
                }
            }
        } catch (IOException e) {
            // The pipe broke because the process died; the exit code tells the rest.
        }
    }

    private void drainErrors(InputStream stderr) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (ExitReasons.isNoise(line)) {
                    // A long stack trace would otherwise push its own first line out of the tail.
                    continue;
                }
                synchronized (stderrTail) {
                    stderrTail.addLast(line);
                    if (stderrTail.size() > STDERR_LINES_KEPT) {
                        stderrTail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // As above: the process is gone.
        }
    }

    private String tail() {
        synchronized (stderrTail) {
            return String.join("\n", stderrTail);
        }
    }

    private static int waitFor(Process process) {
        while (true) {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                // Keep waiting: the exit code decides the run's final status.
            }
        }
    }
}
