package deepdash.drawings;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import deepdash.AppConfig;
import deepdash.digits.DigitPngRenderer;
import deepdash.digits.DigitPreprocessor;
import deepdash.mnist.IdxImages;
import deepdash.mnist.MnistData;
import deepdash.support.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drawings' routes inherit the app's guards: another site's page cannot save, relabel or delete
 * a drawing, and on a server with a token nothing gets through without it.
 */
@Timeout(120)
class DrawingSecurityTest {

    private static final String EVIL = "http://evil.example";
    private static final String TOKEN = "test-token-0123456789abcdef";
    private static String image;

    @BeforeAll
    static void drawADigit() {
        IdxImages images = MnistData.loadTestImages(null);
        float[] pixels = new float[DigitPreprocessor.PIXEL_COUNT];
        images.copyScaled(0, pixels, 0);
        image = DigitPngRenderer.toDataUrl(pixels);
    }

    private static HttpRequest.Builder request(TestServer server, String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(20));
    }

    private static String saveBody(int label) {
        return "{\"image\":\"" + image + "\",\"label\":" + label + "}";
    }

    @Test
    void anotherOriginCanNeitherSaveNorRelabelNorDelete(@TempDir Path dataDir) {
        try (TestServer server = TestServer.start(dataDir)) {
            String id = json(server.postJson("/api/drawings", saveBody(7))).get("id").asText();
            List<HttpRequest> attacks = List.of(
                    request(server, "/api/drawings").header("Origin", EVIL).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(saveBody(1))).build(),
                    request(server, "/api/drawings").header("Origin", EVIL).header("Content-Type", "text/plain")
                            .POST(HttpRequest.BodyPublishers.ofString(saveBody(1))).build(),
                    request(server, "/api/drawings/" + id).header("Origin", EVIL)
                            .header("Content-Type", "application/json")
                            .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"label\":1}")).build(),
                    request(server, "/api/drawings/" + id).header("Origin", EVIL).DELETE().build(),
                    request(server, "/ui/drawings/" + id).header("Origin", EVIL).header("HX-Request", "true")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .method("PATCH", HttpRequest.BodyPublishers.ofString("label=1")).build(),
                    request(server, "/ui/drawings/" + id).header("Origin", EVIL).header("HX-Request", "true")
                            .DELETE().build());

            for (HttpRequest attack : attacks) {
                HttpResponse<String> response = server.send(attack);
                assertThat(response.statusCode()).as(attack.method() + " " + attack.uri()).isEqualTo(403);
            }

            assertThat(json(server.get("/api/drawings"))).hasSize(1);
            assertThat(json(server.get("/api/drawings/" + id)).get("label").asInt()).isEqualTo(7);
            // The page's own same-origin request still works.
            HttpResponse<String> own = server.send(request(server, "/api/drawings/" + id)
                    .header("Origin", server.baseUrl()).DELETE().build());
            assertThat(own.statusCode()).isEqualTo(204);
        }
    }

    @Test
    void withATokenNothingGetsThroughWithoutIt(@TempDir Path dataDir) {
        try (TestServer server = TestServer.start(AppConfig.forTests(dataDir).withToken(TOKEN))) {
            List<HttpRequest> withoutToken = List.of(
                    request(server, "/api/drawings").GET().build(),
                    request(server, "/draw/mine").GET().build(),
                    request(server, "/ui/drawings/scores").GET().build(),
                    request(server, "/api/drawings").header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(saveBody(1))).build(),
                    request(server, "/api/drawings/0123456789abcdef").DELETE().build(),
                    request(server, "/api/drawings/0123456789abcdef").header("Content-Type", "application/json")
                            .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"label\":1}")).build());
            for (HttpRequest refused : withoutToken) {
                assertThat(server.send(refused).statusCode()).as(refused.method() + " " + refused.uri())
                        .isEqualTo(401);
            }
            assertThat(dataDir.resolve("drawings")).doesNotExist();

            HttpResponse<String> saved = server.send(request(server, "/api/drawings")
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(saveBody(1))).build());
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
            String id = json(saved).get("id").asText();
            HttpResponse<String> deleted = server.send(request(server, "/api/drawings/" + id)
                    .header("Authorization", "Bearer " + TOKEN).DELETE().build());
            assertThat(deleted.statusCode()).isEqualTo(204);
        }
    }
}
