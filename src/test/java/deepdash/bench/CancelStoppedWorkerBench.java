package deepdash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.AppConfig;
import deepdash.json.Json;
import deepdash.support.KillTrials;
import deepdash.support.SseStream;
import deepdash.support.SseStream.Event;
import deepdash.support.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long a cancel takes to end a run whose worker is stopped ({@code kill -STOP}), with the
 * default 5 s grace: from sending {@code POST /cancel} to reading the {@code cancelled} status on
 * the run's stream. Five trials, and five of a healthy worker for comparison (SIGTERM alone ends
 * it). Prints each trial and the medians. Run with {@code bench/java.sh CancelStoppedWorkerBench}.
 */
@Tag("bench")
@Timeout(900)
class CancelStoppedWorkerBench {

    static final int TRIALS = 5;
    static final String RUN = "{\"model\":\"cnn\",\"epochs\":20,\"trainLimit\":1000}";

    @TempDir
    Path dataDir;

    @Test
    void cancelAStoppedWorker() throws Exception {
        AppConfig config = AppConfig.forTests(dataDir);
        List<Long> stopped = new ArrayList<>();
        List<Long> healthy = new ArrayList<>();
        try (TestServer server = TestServer.start(config)) {
            for (int i = 1; i <= TRIALS; i++) {
                stopped.add(trial(server, true));
                System.out.printf(Locale.ROOT, "stopped worker, trial %d: %d ms%n", i, stopped.get(i - 1));
            }
            for (int i = 1; i <= TRIALS; i++) {
                healthy.add(trial(server, false));
                System.out.printf(Locale.ROOT, "healthy worker, trial %d: %d ms%n", i, healthy.get(i - 1));
            }
        }
        System.out.printf(Locale.ROOT, "%ncancel to cancelled, grace %d s, median of %d: stopped worker %d ms "
                        + "(all %s), healthy worker %d ms (all %s)%n", config.cancelGrace().toSeconds(), TRIALS,
                median(stopped), stopped, median(healthy), healthy);
    }

    /** Starts a run, waits for training, stops the worker if asked, cancels; returns milliseconds. */
    static long trial(TestServer server, boolean stop) throws Exception {
        String id = Json.mapper().readTree(server.postJson("/api/runs", RUN).body()).get("id").asText();
        List<Event> events = new ArrayList<>();
        try (SseStream stream = server.events(id, null)) {
            assertThat(stream.until(e -> e.name().equals("progress"), events)).isNotNull();
            ProcessHandle worker = KillTrials.awaitWorker(id);
            if (stop) {
                assertThat(new ProcessBuilder("kill", "-STOP", Long.toString(worker.pid())).start().waitFor())
                        .isZero();
            }
            long start = System.nanoTime();
            assertThat(server.postJson("/api/runs/" + id + "/cancel", "").statusCode()).isEqualTo(200);
            Event last = stream.until(e -> e.name().equals("status") && isFinal(e), events);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(last).isNotNull();
            assertThat(Json.mapper().readTree(last.data()).get("status").asText()).isEqualTo("cancelled");
            worker.onExit().get(30, TimeUnit.SECONDS);
            return millis;
        }
    }

    static boolean isFinal(Event event) {
        try {
            JsonNode status = Json.mapper().readTree(event.data()).get("status");
            return status != null && !status.asText().equals("queued") && !status.asText().equals("running");
        } catch (IOException e) {
            return false;
        }
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
