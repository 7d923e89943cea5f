package deepdash.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.json.Json;
import deepdash.protocol.RunFolder;
import deepdash.support.ScriptedWorker;
import deepdash.support.SseStream;
import deepdash.support.SseStream.Event;
import deepdash.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a worker's progress lines become on the server: each one's per-step loss goes out live on the
 * run's stream and, thinned to at most 500 points an epoch, into {@code batches.jsonl}, which the
 * API serves so a reloaded page draws the series again; a validation or test pass is a progress
 * event of its own phase, so the page does not freeze at the last batch.
 */
@Timeout(90)
class BatchLossAndEvaluationTest {

    @TempDir
    Path dataDir;

    @Test
    void perStepLossesGoLiveAndAreStoredThinnedAndTheTestPassIsAProgressPhase() throws Exception {
        try (TestServer server = TestServer.start(dataDir, ScriptedWorker.launcher())) {
            var created = server.postJson("/api/runs", "{\"model\":\"cnn\",\"epochs\":2,\"trainLimit\":2000}");
            assertThat(created.statusCode()).isEqualTo(202);
            String id = TestServer.json(created).get("id").asText();

            List<Event> seen = new ArrayList<>();
            try (SseStream events = server.events(id, null)) {
                ScriptedWorker.release(dataDir, id);
                Event testing = events.until(e -> "progress".equals(e.name()) && e.data().contains("\"testing\""), seen);
                assertThat(testing).as("a progress event of the test pass, after %s", seen).isNotNull();
                JsonNode pass = Json.mapper().readTree(testing.data());
                assertThat(pass.get("done").asInt()).isEqualTo(ScriptedWorker.TESTED_SO_FAR);
                assertThat(pass.get("total").asInt()).isEqualTo(ScriptedWorker.TEST_IMAGES);
                assertThat(pass.get("passDone").asDouble()).isCloseTo(0.4096, within(1e-9));
                assertThat(pass.get("epoch").asInt()).isEqualTo(1);
                // Clients that only read the overall fraction see training done while it tests.
                assertThat(pass.get("fractionDone").asDouble()).isEqualTo(1.0);
            }
            List<JsonNode> progress = new ArrayList<>();
            for (Event e : seen) {
                if ("progress".equals(e.name()) && !e.data().contains("\"phase\"")) {
                    progress.add(Json.mapper().readTree(e.data()));
                }
            }
            // Every progress line goes out live with its step and loss; thinning is for the stored series only.
            assertThat(progress).extracting(p -> p.get("step").asInt()).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(progress.get(1).get("batchLoss").asDouble()).isCloseTo(ScriptedWorker.batchLoss(2), within(1e-9));
            assertThat(seen).anyMatch(e -> "progress".equals(e.name()) && e.data().contains("\"validating\""));

            // 1,000 batches an epoch: at most 500 points, so every second step is kept.
            JsonNode stored = TestServer.json(server.get("/api/runs/" + id + "/batches"));
            assertThat(stored).extracting(p -> p.get("step").asInt()).containsExactly(1, 3, 5);
            assertThat(stored.get(1).get("loss").asDouble()).isCloseTo(ScriptedWorker.batchLoss(3), within(1e-9));
            assertThat(stored.get(1).get("epoch").asInt()).isEqualTo(1);
            Path file = dataDir.resolve("runs").resolve(id).resolve(RunFolder.BATCHES_FILE);
            assertThat(Files.readAllLines(file)).hasSize(3);

            // The API keeps DJL's device name; the page says it as people do.
            assertThat(TestServer.json(server.get("/api/runs/" + id)).get("device").asText()).isEqualTo("cpu()");
            assertThat(server.get("/cnn").body()).contains("on CPU").doesNotContain("cpu()");

            assertThat(server.get("/api/runs/20260101-000000-abcdef/batches").statusCode()).isEqualTo(404);
        }
    }
}
