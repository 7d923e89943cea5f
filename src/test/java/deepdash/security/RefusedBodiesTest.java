package deepdash.security;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.AppConfig;
import deepdash.support.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refused request that carries a body still gets its answer: the server reads the body before it
 * answers, so closing the connection does not reset it under the answer (seen as "no response" from
 * a test under load). Many requests in a row reuse the client's connections, as a browser's would.
 */
@Timeout(120)
class RefusedBodiesTest {

    static final String TOKEN = "refused-bodies-token-0123456789";
    static final String BODY = "{\"image\":\"data:image/png;base64," + "A".repeat(300_000) + "\",\"label\":1}";

    @TempDir
    Path dataDir;

    static HttpRequest post(TestServer server, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/drawings"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return request.build();
    }

    @Test
    void aForeignOriginWithABodyGetsItsRefusalEveryTime() {
        try (TestServer server = TestServer.start(dataDir)) {
            for (int i = 0; i < 40; i++) {
                HttpResponse<String> response = server.send(post(server, "http://evil.example"));
                assertThat(response.statusCode()).as("request " + i).isEqualTo(403);
                assertThat(response.body()).contains("refused this request");
            }
        }
    }

    @Test
    void aMissingTokenWithABodyGetsItsRefusalEveryTime() {
        try (TestServer server = TestServer.start(AppConfig.forTests(dataDir).withToken(TOKEN))) {
            for (int i = 0; i < 40; i++) {
                HttpResponse<String> response = server.send(post(server, null));
                assertThat(response.statusCode()).as("request " + i).isEqualTo(401);
                assertThat(response.body()).contains("access token");
            }
        }
    }
}
