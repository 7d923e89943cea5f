package deepdash.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.json.Json;
import deepdash.model.CnnSettings;
import deepdash.model.CnnSpec;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.RunRecord;
import deepdash.support.SseStream;
import deepdash.support.SseStream.Event;
import deepdash.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Workers die; the server must not. */
@Timeout(180)
class WorkerCrashTest {

    @TempDir
    Path dataDir;

    static Optional<ProcessHandle> workerOf(String runId) {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(args -> String.join(" ", args).contains(runId)).orElse(false))
                .findFirst();
    }

    @Test
    void aWorkerKilledMidRunMarksItsRunFailedAndTheServerStaysUp() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            String id = Json.mapper().readTree(server.postJson("/api/runs",
                    "{\"model\":\"cnn\",\"epochs\":20,\"trainLimit\":20000}").body()).get("id").asText();
            List<Event> events = new ArrayList<>();
            try (SseStream stream = server.events(id, null)) {
                assertThat(stream.until(e -> e.name().equals("progress"), events)).isNotNull();
                ProcessHandle worker = workerOf(id).orElseThrow();
                assertThat(worker.destroyForcibly()).isTrue();
                Event last = stream.until(RunApiTest::isFinalStatus, events);
                JsonNode status = Json.mapper().readTree(last.data());
                assertThat(status.get("status").asText()).isEqualTo("failed");
                assertThat(status.get("reason").asText()).contains("signal 9");
            }
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
            JsonNode run = Json.mapper().readTree(server.get("/api/runs/" + id).body());
            assertThat(run.get("status").asText()).isEqualTo("failed");
            assertThat(Json.mapper().readTree(Files.readString(dataDir.resolve("runs").resolve(id)
                    .resolve("run.json"))).get("status").asText()).isEqualTo("failed");
        }
    }

    @Test
    void runsLeftRunningByACrashAreMarkedInterruptedWithTheirEpochsKept() throws Exception {
        RunStore store = new RunStore(dataDir.resolve("runs"));
        RunRecord running = RunRecord.queued("20260101-000000-aaaaaa", CnnSpec.runConfig(CnnSettings.DEFAULTS),
                Instant.now())
                .started("cpu()", Instant.now());
        store.write(running);
        store.folder(running.id()).appendEpoch(EpochMetrics.classifier(1, 0.2, 0.94, 0.1, 0.97, 20, 2400,
                20));
        store.write(RunRecord.queued("20260101-000001-bbbbbb", CnnSpec.runConfig(CnnSettings.DEFAULTS), Instant.now()));

        try (TestServer server = TestServer.start(dataDir)) {
            JsonNode first = Json.mapper().readTree(server.get("/api/runs/" + running.id()).body());
            assertThat(first.get("status").asText()).isEqualTo("interrupted");
            assertThat(first.get("reason").asText()).contains("1 of 10 epochs");
            assertThat(first.get("epochs")).hasSize(1);
            JsonNode second = Json.mapper().readTree(server.get("/api/runs/20260101-000001-bbbbbb").body());
            assertThat(second.get("status").asText()).isEqualTo("interrupted");
        }
    }
}
