package deepdash.runs;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.support.SyntheticRuns;
import deepdash.support.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ids in URLs cannot reach outside the runs folder: every route that takes an id, with plain,
 * encoded, double-encoded and backslash variants of {@code ../}, answers 400 or 404, reveals
 * nothing and deletes nothing. A folder next to the runs folder looks like a run, to tempt it.
 */
@Timeout(120)
class RunPathTraversalTest {

    @TempDir
    Path dataDir;

    static final List<String> EVIL_IDS = List.of(
            "..", "../victim", "..%2Fvictim", "..%2fvictim", "%2e%2e", "%2e%2e%2fvictim", "%2E%2E%2Fvictim",
            "%252e%252e%252fvictim", "..%5Cvictim", "..%255cvictim", "%2e%2e/%2e%2e/secret.txt",
            "..%2F..%2Fsecret.txt", "victim%00", "%c0%ae%c0%ae%2fvictim", ".%2e/victim", "....//victim",
            "%2e%2e%5c%2e%2e%5csecret.txt");

    static final List<String> ROUTES = List.of("/api/runs/{id}", "/api/runs/{id}/metrics.csv", "/api/runs/{id}/model",
            "/api/runs/{id}/events", "/runs/{id}");

    static final List<String> DELETES = List.of("/api/runs/{id}", "/ui/runs/{id}");

    @Test
    void idsThatTryToLeaveTheRunsFolderAre400Or404AndTouchNothing() throws Exception {
        String good = SyntheticRuns.write(new RunStore(dataDir.resolve("runs")), 1, 2).ids().get(0);
        Path victim = Files.createDirectories(dataDir.resolve("victim"));
        Files.copy(dataDir.resolve("runs").resolve(good).resolve("run.json"), victim.resolve("run.json"));
        Files.createDirectories(victim.resolve("model"));
        Files.writeString(victim.resolve("model").resolve("cnn-0000.params"), "VICTIM PARAMETERS");
        Files.writeString(dataDir.resolve("secret.txt"), "TOP SECRET");

        try (TestServer server = TestServer.start(dataDir)) {
            for (String evil : EVIL_IDS) {
                for (String route : ROUTES) {
                    String path = route.replace("{id}", evil);
                    HttpResponse<String> response = send(server, "GET", path);
                    assertThat(response.statusCode()).as("GET " + path).isIn(400, 404);
                    assertThat(response.body()).as("GET " + path).doesNotContain("TOP SECRET", "VICTIM");
                }
                for (String route : DELETES) {
                    String path = route.replace("{id}", evil);
                    assertThat(send(server, "DELETE", path).statusCode()).as("DELETE " + path).isIn(400, 404);
                }
                String compare = "/runs/compare?ids=" + good + "," + evil;
                assertThat(send(server, "GET", compare).statusCode()).as(compare).isIn(400, 404);
            }
            assertThat(victim.resolve("run.json")).exists();
            assertThat(victim.resolve("model").resolve("cnn-0000.params")).hasContent("VICTIM PARAMETERS");
            assertThat(dataDir.resolve("secret.txt")).hasContent("TOP SECRET");
            assertThat(server.get("/api/runs/" + good).statusCode()).as("the real run is untouched").isEqualTo(200);
            assertThat(dataDir.resolve("runs").resolve(good).resolve("metrics.jsonl")).exists();
        }
    }

    /**
     * Sends the path exactly as written (no client-side normalisation of dot segments), on a fresh
     * connection: Jetty closes the connection after some 400s, and a pooled one would then fail.
     */
    static HttpResponse<String> send(TestServer server, String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10))
                .build();
        HttpClient client = HttpClient.newHttpClient();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + ": " + e.getMessage(), e);
        }
    }
}
