package deepdash.coach;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.AppConfig;
import deepdash.model.CnnSettings;
import deepdash.model.CnnSpec;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.RunRecord;
import deepdash.protocol.TestResult;
import deepdash.runs.RunStore;
import deepdash.support.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/runs/{id}/notes} over HTTP, on a run written straight to disk with the seed's curves. */
@Timeout(120)
class NotesApiTest {

    static final String ID = "20250101-000000-00c0ac";
    static final String TOKEN = "notes-test-token-0123456789";

    @TempDir
    Path dataDir;

    /** A completed CNN run with the seed's curves (val_loss lowest at epoch 6) and its test score. */
    static void writeSeedLikeRun(Path dataDir) throws IOException {
        writeRun(dataDir, ID, CurveCoachTest.SEED_LOSS, CurveCoachTest.SEED_VAL, 0.9804);
    }

    /** A completed CNN run with these curves and this test accuracy, written straight to disk. */
    static void writeRun(Path dataDir, String id, double[] loss, double[] valLoss, double testAccuracy)
            throws IOException {
        RunStore store = new RunStore(dataDir.resolve("runs"));
        Files.createDirectories(store.folder(id).path());
        for (EpochMetrics epoch : CurveCoachTest.curves(loss, valLoss)) {
            store.folder(id).appendEpoch(epoch);
        }
        Instant created = Instant.parse("2025-01-01T00:00:00Z");
        store.write(RunRecord.queued(id, CnnSpec.runConfig(CnnSettings.DEFAULTS), created)
                .started("cpu()", created.plusSeconds(1))
                .completed(new TestResult(0.05, testAccuracy, null, 10_000, 2.0), 100, created.plusSeconds(101)));
    }

    @Test
    void aRunsNotesAreItsCurvesReadByTheRules() throws Exception {
        writeSeedLikeRun(dataDir);
        try (TestServer server = TestServer.start(dataDir)) {
            HttpResponse<String> response = server.get(CoachController.notesPath(ID));
            assertThat(response.statusCode()).isEqualTo(200);
            List<String> kinds = new ArrayList<>();
            for (JsonNode note : json(response)) {
                assertThat(note.has("epoch")).isTrue();
                assertThat(note.get("text").asText()).isNotBlank();
                kinds.add(note.get("kind").asText());
            }
            assertThat(kinds).containsExactly(CurveCoach.BEST_EPOCH, CurveCoach.OVERFITTING,
                    CurveCoach.TEST_BELOW_VALIDATION);
            assertThat(json(response).get(0).get("epoch").asInt()).isEqualTo(6);
            assertThat(json(response).get(1).get("text").asText()).contains("val_loss rose for 4 epochs");
        }
    }

    @Test
    void anUnknownRunIs404AndABadIdNamesTheRun() {
        try (TestServer server = TestServer.start(dataDir)) {
            HttpResponse<String> unknown = server.get(CoachController.notesPath("20250101-000000-ffffff"));
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("20250101-000000-ffffff");
            assertThat(server.get("/api/runs/..%2F..%2Fetc/notes").statusCode()).isBetween(400, 404);
        }
    }

    @Test
    void beyondLoopbackTheNotesNeedTheToken() throws Exception {
        writeSeedLikeRun(dataDir);
        try (TestServer server = TestServer.start(AppConfig.forTests(dataDir).withToken(TOKEN))) {
            URI uri = URI.create(server.baseUrl() + CoachController.notesPath(ID));
            assertThat(server.send(HttpRequest.newBuilder(uri).build()).statusCode()).isEqualTo(401);
            HttpResponse<String> withToken = server.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + TOKEN).build());
            assertThat(withToken.statusCode()).isEqualTo(200);
            assertThat(withToken.body()).contains(CurveCoach.OVERFITTING);
        }
    }
}
