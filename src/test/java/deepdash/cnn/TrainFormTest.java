package deepdash.cnn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.AppConfig;
import deepdash.runs.WorkerLauncher;
import deepdash.support.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The train form over HTTP: a refused form answers into its own error region by the input's label,
 * a started run answers with its panel and a status line, and /cnn keeps every unfinished run.
 */
@Timeout(120)
class TrainFormTest {

    /** A worker that never reports: the run stays running and the next one queued (one worker slot). */
    static final WorkerLauncher IDLE_WORKER = runDir -> new ProcessBuilder("cat").start();
    static final String FORM = "epochs=2&batchSize=32&learningRate=0.001&trainLimit=2000&device=cpu";

    @TempDir
    Path dataDir;

    static HttpResponse<String> postForm(TestServer server, String form) {
        return server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + CnnPageController.START_RUN))
                .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    @Test
    void aRefusedFormAnswersIntoItsErrorRegionNamingTheLabel() {
        try (TestServer server = TestServer.start(dataDir, IDLE_WORKER)) {
            HttpResponse<String> response = postForm(server, FORM.replace("learningRate=0.001", "learningRate=abc"));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("HX-Retarget")).hasValue("#" + TrainFormError.REGION_ID);
            assertThat(response.headers().firstValue("HX-Reswap")).hasValue("innerHTML");
            assertThat(response.body()).contains("Learning rate: must be a number, got \"abc\"")
                    .contains("id=\"" + TrainFormError.MESSAGE_ID + "\"").contains("data-input=\"learningRate\"")
                    .doesNotContain("learningRate:").doesNotContain("run-panel");

            // A check past the form reader (the settings' range) gets the label too.
            HttpResponse<String> tooFew = postForm(server, FORM.replace("trainLimit=2000", "trainLimit=5"));
            assertThat(tooFew.statusCode()).isEqualTo(400);
            assertThat(tooFew.body()).contains("Training images: ").contains("data-input=\"trainLimit\"");

            // The API keeps its field names.
            HttpResponse<String> api = server.postJson("/api/runs", "{\"model\":\"cnn\",\"trainLimit\":5}");
            assertThat(api.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(api).get("field").asText()).isEqualTo("trainLimit");
            assertThat(TestServer.json(api).get("error").asText()).startsWith("trainLimit: ");
        }
    }

    @Test
    void aStartedRunAnswersWithItsPanelAndAStatusLineAndBothUnfinishedRunsStayOnThePage() {
        try (TestServer server = TestServer.start(dataDir, IDLE_WORKER)) {
            HttpResponse<String> first = postForm(server, FORM);
            assertThat(first.statusCode()).isEqualTo(202);
            String firstId = runId(first.body());
            assertThat(first.body()).contains("id=\"run-" + firstId + "\"")
                    .contains("id=\"" + TrainStartedView.STATUS_ID + "\"").contains("hx-swap-oob=\"true\"")
                    .contains("Run " + firstId + " started").contains("href=\"#run-" + firstId + "\"")
                    // The error region is emptied by the same answer.
                    .containsPattern("id=\"" + TrainFormError.REGION_ID + "\"[^>]*hx-swap-oob=\"true\"></div>");

            HttpResponse<String> second = postForm(server, FORM);
            assertThat(second.statusCode()).isEqualTo(202);
            String secondId = runId(second.body());
            assertThat(second.body()).contains("Run " + secondId + " queued (place 1 in the queue)");

            String page = server.get(CnnPageController.PAGE).body();
            assertThat(page).contains("id=\"run-" + firstId + "\"", "id=\"run-" + secondId + "\"")
                    .doesNotContain("No run yet");
            // Newest first, as the form adds them.
            assertThat(page.indexOf("id=\"run-" + secondId + "\"")).isLessThan(page.indexOf("id=\"run-" + firstId + "\""));
            assertThat(page).contains("hx-target=\"#" + CnnPageController.RUN_PANELS + "\"")
                    .contains("hx-swap=\"afterbegin\"");
        }
    }

    @Test
    void theFormAndTheStepSeriesAreGuardedLikeEveryRoute() {
        try (TestServer server = TestServer.start(AppConfig.forTests(dataDir).withToken("secret-token"), IDLE_WORKER)) {
            HttpResponse<String> noToken = server.get("/api/runs/20260101-000000-abcdef/batches");
            assertThat(noToken.statusCode()).isEqualTo(401);
        }
        try (TestServer server = TestServer.start(dataDir, IDLE_WORKER)) {
            HttpResponse<String> foreign = server.send(HttpRequest.newBuilder(
                            URI.create(server.baseUrl() + CnnPageController.START_RUN))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
                    .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.ofString(FORM)).build());
            assertThat(foreign.statusCode()).isEqualTo(403);
            JsonNode runs = TestServer.json(server.get("/api/runs"));
            assertThat(runs).isEmpty();
        }
    }

    static String runId(String body) {
        int at = body.indexOf("data-run-id=\"") + "data-run-id=\"".length();
        return body.substring(at, body.indexOf('"', at));
    }
}
