package deepdash.web;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.runs.WorkerLauncher;
import deepdash.support.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every route that reads a JSON body or a form refuses fields it does not know and values of the wrong type. */
class StrictRequestBodiesTest {

    /** A worker that waits and does nothing, so that an accepted run costs nothing. */
    private static final WorkerLauncher IDLE_WORKER = runDir -> new ProcessBuilder("cat").start();

    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir, IDLE_WORKER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void runsApiRefusesTheLooseBodiesItOnceAcceptedAndCreatesNoRun() throws Exception {
        String[][] cases = {
            {"{\"model\":\"cnn\",\"epoch\":1,\"trainlimit\":100}", "epoch", "unknown field"},
            {"{\"model\":\"cnn\",\"epochs\":1,\"trainlimit\":100}", "trainlimit", "did you mean \"trainLimit\"?"},
            {"{\"model\":\"cnn\",\"epochs\":1.5}", "epochs", "expected a whole number, got the fractional number 1.5"},
            {"{\"model\":\"cnn\",\"epochs\":\"1\"}", "epochs", "expected a whole number, got a string (\"1\")"},
            {"{\"model\":5,\"epochs\":1}", "model", "expected a string, got the number 5"},
            {"{\"model\":\"cnn\",\"architecture\":{\"blocks\":[{\"filters\":8,\"kernel\":3,\"pool\":{\"type\":\"max\","
                + "\"size\":2,\"sizes\":2}}]}}", "architecture.blocks[0].pool.sizes", "did you mean \"size\"?"},
            {"{\"model\":\"cnn\",\"architecture\":{\"blocks\":[{\"filters\":8,\"kernel\":3}],\"dense\":[{\"units\":1.5}]}}",
                "architecture.dense[0].units", "expected a whole number"},
            {"{\"model\":\"cnn\",\"architecture\":{\"blocks\":[{\"filters\":8,\"kernel\":3}],\"head\":5}}",
                "architecture.head", "expected a string, got the number 5"},
            {"{\"model\":\"lstm\",\"architecture\":{}}", "architecture", "not a setting of the lstm model"},
        };
        int before = json(server.get("/api/runs")).size();
        for (String[] c : cases) {
            HttpResponse<String> response = server.postJson("/api/runs", c[0]);
            assertThat(response.statusCode()).as(c[0] + " -> " + response.body()).isEqualTo(400);
            JsonNode error = json(response);
            assertThat(error.get("field").asText()).as(c[0]).isEqualTo(c[1]);
            assertThat(error.get("error").asText()).as(c[0]).startsWith(c[1] + ": ").contains(c[2]);
        }
        assertThat(json(server.get("/api/runs")).size()).as("no run was created").isEqualTo(before);

        HttpResponse<String> accepted = server.postJson("/api/runs",
                "{\"model\":\"cnn\",\"epochs\":1,\"learningRate\":1,\"trainLimit\":100}");
        assertThat(accepted.statusCode()).as("the same fields written right: " + accepted.body()).isEqualTo(202);
        assertThat(json(accepted).get("config").get("learningRate").asDouble()).isEqualTo(1.0);
    }

    @Test
    void predictApiRefusesUnknownFieldsAndWrongTypes() throws Exception {
        HttpResponse<String> unknown = server.postJson("/api/predict", "{\"image\":\"data:image/png;base64,AA\","
                + "\"model\":\"x\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("field").asText()).isEqualTo("model");

        HttpResponse<String> number = server.postJson("/api/predict", "{\"image\":\"data:image/png;base64,AA\","
                + "\"run\":5}");
        assertThat(number.statusCode()).isEqualTo(400);
        assertThat(json(number).get("field").asText()).isEqualTo("run");
        assertThat(json(number).get("error").asText()).contains("must be a string");
    }

    @Test
    void trainingFormsRefuseAFieldTheyDoNotHave() throws Exception {
        HttpResponse<String> cnn = postForm("/ui/runs", "epochs=1&trainlimit=100");
        assertThat(cnn.statusCode()).isEqualTo(400);
        assertThat(json(cnn).get("field").asText()).isEqualTo("trainlimit");
        assertThat(json(cnn).get("error").asText()).contains("unknown field", "trainLimit");

        HttpResponse<String> twice = postForm("/ui/runs", "epochs=1&epochs=10&trainLimit=100");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(json(twice).get("field").asText()).isEqualTo("epochs");

        HttpResponse<String> forecast = postForm("/ui/forecast/runs", "dataset=sample-synthetic&epoch=1");
        assertThat(forecast.statusCode()).isEqualTo(400);
        assertThat(json(forecast).get("field").asText()).isEqualTo("epoch");
    }

    private static HttpResponse<String> postForm(String path, String form) {
        return server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }
}
