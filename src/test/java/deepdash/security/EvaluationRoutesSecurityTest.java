package deepdash.security;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.AppConfig;
import deepdash.support.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation routes (all GETs) are behind the same global checks as every other route: the
 * token when DeepDash is bound beyond loopback, the Host check against DNS rebinding, and no CORS
 * header that would let another site's page read the answers.
 */
@Timeout(120)
class EvaluationRoutesSecurityTest {

    static final String TOKEN = "eval-token-0123456789abcdef";
    /** Cheap to answer: none of them computes the 10,000 test images' answers. */
    static final List<String> ROUTES = List.of(
            "/api/runs/shipped-cnn/evaluation?set=personal",
            "/api/runs/shipped-cnn/evaluation",
            "/api/runs/shipped-cnn/evaluation/images?actual=1&predicted=1",
            "/api/runs/shipped-cnn/mistakes",
            "/api/mnist/test/0",
            "/ui/runs/shipped-cnn/evaluation",
            "/ui/runs/shipped-cnn/evaluation/images?actual=1&predicted=1",
            "/evaluation/shipped-cnn");

    @Test
    void withATokenInForceEveryEvaluationRouteNeedsIt(@TempDir Path dataDir) {
        try (TestServer server = TestServer.start(AppConfig.forTests(dataDir).withToken(TOKEN))) {
            for (String path : ROUTES) {
                HttpResponse<String> without = server.get(path);
                assertThat(without.statusCode()).as(path).isEqualTo(401);
                HttpResponse<String> wrong = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("Authorization", "Bearer " + TOKEN + "x").GET().build());
                assertThat(wrong.statusCode()).as(path).isEqualTo(401);
            }
            for (String path : List.of(ROUTES.get(0), "/api/mnist/test/0", "/evaluation/shipped-cnn")) {
                HttpResponse<String> with = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("Authorization", "Bearer " + TOKEN).GET().build());
                assertThat(with.statusCode()).as(path + ": " + with.body()).isEqualTo(200);
            }
        }
    }

    @Test
    void anotherSitesPageCannotReadTheAnswersNorReachThemThroughARebindName(@TempDir Path dataDir) {
        try (TestServer server = TestServer.start(dataDir)) {
            int port = URI.create(server.baseUrl()).getPort();
            for (String path : List.of(ROUTES.get(0), "/api/mnist/test/0", "/evaluation/shipped-cnn")) {
                RawHttp.Response rebound = RawHttp.send(port, "GET", path, "evil.example:" + port, Map.of(), null);
                assertThat(rebound.status()).as(path).isEqualTo(421);

                RawHttp.Response crossSite = RawHttp.send(port, "GET", path, "127.0.0.1:" + port,
                        Map.of("Origin", "http://evil.example", "Sec-Fetch-Site", "cross-site"), null);
                // A read changes nothing, so it is answered; without CORS headers the foreign page cannot read it.
                assertThat(crossSite.status()).as(path).isEqualTo(200);
                assertThat(crossSite.headers()).doesNotContainKey("access-control-allow-origin");
            }
            // Nothing here accepts a write: a foreign POST is refused before any route is looked up.
            RawHttp.Response post = RawHttp.send(port, "POST", "/api/runs/shipped-cnn/evaluation", "127.0.0.1:" + port,
                    Map.of("Origin", "http://evil.example"), "{}");
            assertThat(post.status()).isEqualTo(403);
        }
    }
}
