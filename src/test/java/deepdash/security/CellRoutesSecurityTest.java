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

/** The Cell routes (all GETs) sit behind the global checks: the token beyond loopback, the Host check. */
@Timeout(120)
class CellRoutesSecurityTest {

    static final String TOKEN = "cell-token-0123456789abcdef";
    static final String RUN = "20990101-000000-abcdef";
    static final List<String> ROUTES = List.of("/api/runs/" + RUN + "/cell?date=2023-11-01",
            "/runs/" + RUN + "/cell", "/ui/runs/" + RUN + "/cell?date=2023-11-01");

    @Test
    void withATokenInForceEveryCellRouteNeedsIt(@TempDir Path dataDir) {
        try (TestServer server = TestServer.start(AppConfig.forTests(dataDir).withToken(TOKEN))) {
            for (String path : ROUTES) {
                assertThat(server.get(path).statusCode()).as(path).isEqualTo(401);
                HttpResponse<String> wrong = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("Authorization", "Bearer " + TOKEN + "x").GET().build());
                assertThat(wrong.statusCode()).as(path).isEqualTo(401);
                // With the token the request reaches the route, which knows no such run.
                HttpResponse<String> with = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("Authorization", "Bearer " + TOKEN).GET().build());
                assertThat(with.statusCode()).as(path + ": " + with.body()).isEqualTo(404);
            }
        }
    }

    @Test
    void aRebindNameIsRefusedAndAForeignWriteToo(@TempDir Path dataDir) {
        try (TestServer server = TestServer.start(dataDir)) {
            int port = URI.create(server.baseUrl()).getPort();
            for (String path : ROUTES) {
                RawHttp.Response rebound = RawHttp.send(port, "GET", path, "evil.example:" + port, Map.of(), null);
                assertThat(rebound.status()).as(path).isEqualTo(421);
            }
            RawHttp.Response post = RawHttp.send(port, "POST", "/api/runs/" + RUN + "/cell", "127.0.0.1:" + port,
                    Map.of("Origin", "http://evil.example"), "{}");
            assertThat(post.status()).isEqualTo(403);
        }
    }
}
