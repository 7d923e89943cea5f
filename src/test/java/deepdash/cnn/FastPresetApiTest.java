package deepdash.cnn;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.runs.WorkerLauncher;
import deepdash.support.TestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code "preset":"fast"} in {@code POST /api/runs}, and the CNN page's preset control. */
class FastPresetApiTest {

    /** Runs stay queued or running without training: this test is about what is stored. */
    static final WorkerLauncher IDLE_WORKER = runDir -> new ProcessBuilder("cat").start();

    @RegisterExtension
    static final TestServer server = TestServer.perClass(IDLE_WORKER);

    @Test
    void theFastPresetIsStoredAsItsSettings() {
        HttpResponse<String> created = server.postJson("/api/runs", "{\"model\":\"cnn\",\"preset\":\"fast\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        JsonNode config = json(server.get("/api/runs/" + json(created).get("id").asText())).get("config");
        assertThat(config.get("epochs").asInt()).isEqualTo(2);
        assertThat(config.get("batchSize").asInt()).isEqualTo(128);
        assertThat(config.get("learningRate").asDouble()).isEqualTo(0.004);
        assertThat(config.get("schedule").asText()).isEqualTo("onecycle");
        assertThat(config.has("preset")).isFalse();
    }

    @Test
    void anUnknownPresetIs400NamingIt() {
        HttpResponse<String> refused = server.postJson("/api/runs", "{\"model\":\"cnn\",\"preset\":\"turbo\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("preset");
        assertThat(json(refused).toString()).contains("turbo");
    }

    @Test
    void theCnnPageOffersTheFastPresetWithItsValues() {
        String page = server.get("/cnn").body();
        assertThat(page).contains("id=\"cnn-preset\"", "<option value=\"fast\"", "data-batch-size=\"128\"",
                "data-schedule=\"onecycle\"", "/static/js/cnn-preset.js");
        assertThat(server.get("/static/js/cnn-preset.js").statusCode()).isEqualTo(200);
    }
}
