package deepdash.cnn;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import deepdash.runs.WorkerLauncher;
import deepdash.support.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The cures on the CNN page and in the API over HTTP: the schedule preview, the form, the refusals. */
@Timeout(120)
class CuresPageTest {

    /** A worker that never reports: the run stays running, and what was asked is in its config. */
    static final WorkerLauncher IDLE_WORKER = runDir -> new ProcessBuilder("cat").start();

    @TempDir
    Path dataDir;

    static HttpResponse<String> postForm(TestServer server, String path, String form, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return server.send(request.build());
    }

    @Test
    void theSchedulePreviewPlotsTheFormsSchedule() {
        try (TestServer server = TestServer.start(dataDir, IDLE_WORKER)) {
            HttpResponse<String> cosine = postForm(server, CnnPageController.SCHEDULE_PREVIEW,
                    "epochs=10&batchSize=32&learningRate=0.001&schedule=cosine&stepEpochs=3", server.baseUrl());
            assertThat(cosine.statusCode()).isEqualTo(200);
            assertThat(cosine.body()).contains("<polyline", "cosine from 0.00100 to 1.00e-05 over 10 epochs of 1500 batches");
            assertThat(cosine.body().split("<polyline points=\"")[1].split("\"")[0].split(" ")).hasSize(161);

            HttpResponse<String> step = postForm(server, CnnPageController.SCHEDULE_PREVIEW,
                    "epochs=6&batchSize=100&learningRate=0.002&trainLimit=1000&schedule=step&stepEpochs=2", null);
            assertThat(step.body()).contains("step ×0.5 every 2 epochs from 0.00200 to 0.000500 over 6 epochs of 8 batches");

            HttpResponse<String> bad = postForm(server, CnnPageController.SCHEDULE_PREVIEW,
                    "epochs=6&learningRate=0.002&schedule=linear", null);
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("schedule", "constant, step, cosine, onecycle");
        }
    }

    @Test
    void theFormStartsARunWithItsCuresAndTheApiRefusesBadOnes() {
        try (TestServer server = TestServer.start(dataDir, IDLE_WORKER)) {
            HttpResponse<String> started = postForm(server, CnnPageController.START_RUN,
                    "epochs=4&batchSize=32&learningRate=0.001&trainLimit=500&device=cpu&l2=0.0005&l1=&schedule=cosine"
                            + "&stepEpochs=3&patience=2", null);
            assertThat(started.statusCode()).isEqualTo(202);
            var run = json(server.get("/api/runs")).get(0);
            var settings = run.get("config");
            assertThat(settings.get("l2").asDouble()).isEqualTo(0.0005);
            assertThat(settings.get("schedule").asText()).isEqualTo("cosine");
            assertThat(settings.get("patience").asInt()).isEqualTo(2);
            assertThat(settings.has("stepEpochs")).as("step only with the step schedule").isFalse();

            HttpResponse<String> badL2 = server.postJson("/api/runs", "{\"model\":\"cnn\",\"l2\":-1}");
            assertThat(badL2.statusCode()).isEqualTo(400);
            assertThat(json(badL2).get("field").asText()).isEqualTo("l2");
            HttpResponse<String> badPatience = server.postJson("/api/runs", "{\"model\":\"cnn\",\"patience\":\"soon\"}");
            assertThat(badPatience.statusCode()).isEqualTo(400);
            assertThat(badPatience.body()).contains("patience");
            assertThat(json(server.get("/api/runs"))).as("nothing else was stored").hasSize(1);
        }
    }

    @Test
    void anotherOriginCannotAskForThePreview() {
        try (TestServer server = TestServer.start(dataDir, IDLE_WORKER)) {
            assertThat(postForm(server, CnnPageController.SCHEDULE_PREVIEW, "schedule=cosine",
                    "http://evil.example").statusCode()).isEqualTo(403);
        }
    }
}
