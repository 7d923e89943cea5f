package deepdash.coach;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.AppConfig;
import deepdash.digits.TrainedRuns;
import deepdash.model.CnnArchitecture;
import deepdash.model.CnnSettings;
import deepdash.model.CnnSpec;
import deepdash.protocol.RunStatus;
import deepdash.protocol.TestResult;
import deepdash.runs.WorkerLauncher;
import deepdash.support.SyntheticRuns;
import deepdash.support.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** "Try the seed's cure" over HTTP: two runs with the run's settings, one with dropout, one with early stopping. */
@Timeout(120)
class CuresApiTest {

    /** A worker that never reports: the cure runs stay queued or running with the settings they were given. */
    static final WorkerLauncher IDLE_WORKER = runDir -> new ProcessBuilder("cat").start();
    static final String RUN = "20260101-000000-c0ffee";
    static final String NO_DENSE = "20260101-000000-0de15e";
    static final String TOKEN = "cures-test-token-0123456789";

    @TempDir
    Path dataDir;

    void writeRuns() {
        Path runs = dataDir.resolve("runs");
        TrainedRuns.completedCnn(runs, RUN, 0.97);
        CnnArchitecture noDense = new CnnArchitecture(CnnArchitecture.SEED.blocks(), CnnArchitecture.SEED.head(),
                List.of());
        TrainedRuns.write(runs, NO_DENSE, CnnSpec.runConfig(CnnSettings.DEFAULTS.withArchitecture(noDense)),
                RunStatus.COMPLETED, new TestResult(0.1, 0.9, null, 10_000, 1.0), false);
        TrainedRuns.write(runs, "20260101-000000-0000aa", CnnSpec.runConfig(CnnSettings.DEFAULTS),
                RunStatus.FAILED, null, false);
    }

    static HttpResponse<String> post(TestServer server, String path, String origin, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return server.send(request.build());
    }

    @Test
    void theCuresAreTheRunsSettingsWithDropoutAndWithEarlyStopping() {
        writeRuns();
        try (TestServer server = TestServer.start(dataDir, IDLE_WORKER)) {
            HttpResponse<String> response = post(server, "/api/runs/" + RUN + "/cures", null, null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            JsonNode body = json(response);
            String dropoutId = body.get("runs").get(0).get("id").asText();
            String stoppingId = body.get("runs").get(1).get("id").asText();
            assertThat(body.get("compare").asText()).isEqualTo("/runs/compare?ids=" + RUN + "," + dropoutId + ","
                    + stoppingId);
            assertThat(body.get("page").asText()).isEqualTo("/runs/" + RUN + "/cures?runs=" + dropoutId + ","
                    + stoppingId);

            JsonNode original = json(server.get("/api/runs/" + RUN)).get("config");
            JsonNode dropout = json(server.get("/api/runs/" + dropoutId)).get("config");
            JsonNode stopping = json(server.get("/api/runs/" + stoppingId)).get("config");
            for (JsonNode cure : List.of(dropout, stopping)) {
                for (String same : List.of("model", "epochs", "batchSize", "learningRate", "trainLimit")) {
                    assertThat(cure.get(same)).as(same).isEqualTo(original.get(same));
                }
            }
            JsonNode dense = dropout.get("architecture").get("dense");
            assertThat(dense).hasSize(1);
            assertThat(dense.get(0).get("units").asInt()).isEqualTo(64);
            assertThat(dense.get(0).get("dropout").asDouble()).isEqualTo(CureService.DROPOUT);
            assertThat(dropout.has("patience")).isFalse();
            assertThat(stopping.get("patience").asInt()).isEqualTo(CureService.PATIENCE);
            assertThat(stopping.has("architecture")).as("the seed's network, as the run had").isFalse();

            HttpResponse<String> page = server.get(body.get("page").asText());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("data-run-id=\"" + dropoutId + "\"", "data-run-id=\"" + stoppingId + "\"",
                    "data-compare-url=\"" + body.get("compare").asText() + "\"");
        }
    }

    @Test
    void onlyACompletedCnnWithADenseLayerCanTryThem() {
        writeRuns();
        SyntheticRuns.write(new deepdash.runs.RunStore(dataDir.resolve("runs")), 4, 2);
        try (TestServer server = TestServer.start(dataDir, IDLE_WORKER)) {
            HttpResponse<String> failed = post(server, "/api/runs/20260101-000000-0000aa/cures", null, null);
            assertThat(failed.statusCode()).isEqualTo(409);
            assertThat(json(failed).get("error").asText()).contains("failed", "completed run");
            HttpResponse<String> noDense = post(server, "/api/runs/" + NO_DENSE + "/cures", null, null);
            assertThat(noDense.statusCode()).isEqualTo(409);
            assertThat(json(noDense).get("error").asText()).contains("no hidden dense layer");
            String lstm = SyntheticRuns.id(3);
            assertThat(SyntheticRuns.isLstm(3)).isTrue();
            HttpResponse<String> series = post(server, "/api/runs/" + lstm + "/cures", null, null);
            assertThat(series.statusCode()).isEqualTo(409);
            assertThat(json(series).get("error").asText()).contains("lstm");
            assertThat(post(server, "/api/runs/20260101-000000-ffffff/cures", null, null).statusCode()).isEqualTo(404);
            assertThat(server.get("/runs/" + RUN + "/cures").statusCode()).isEqualTo(400);
            assertThat(json(server.get("/api/runs?limit=500"))).as("nothing was started").hasSize(7);
        }
    }

    @Test
    void anotherOriginOrAMissingTokenIsRefused() {
        writeRuns();
        try (TestServer server = TestServer.start(dataDir, IDLE_WORKER)) {
            assertThat(post(server, "/api/runs/" + RUN + "/cures", "http://evil.example", null).statusCode())
                    .isEqualTo(403);
            assertThat(post(server, CureController.uiPath(RUN), "http://evil.example", null).statusCode())
                    .isEqualTo(403);
        }
        try (TestServer server = TestServer.start(AppConfig.forTests(dataDir).withToken(TOKEN), IDLE_WORKER)) {
            assertThat(post(server, "/api/runs/" + RUN + "/cures", null, null).statusCode()).isEqualTo(401);
            assertThat(post(server, "/api/runs/" + RUN + "/cures", null, TOKEN).statusCode()).isEqualTo(202);
        }
    }
}
