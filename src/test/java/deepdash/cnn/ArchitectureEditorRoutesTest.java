package deepdash.cnn;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.AppConfig;
import deepdash.runs.WorkerLauncher;
import deepdash.support.TestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The editor's htmx routes, and the security rules every new POST route must inherit. */
@Timeout(120)
class ArchitectureEditorRoutesTest {

    static final String EVIL = "http://evil.example";
    static final String TOKEN = "test-token-0123456789abcdef";
    /** A worker that waits for ever: nothing trains. */
    static final WorkerLauncher IDLE_WORKER = runDir -> new ProcessBuilder("cat").start();
    static final List<String> NEW_POSTS = List.of("/api/models/cnn/summary", CnnPageController.ARCHITECTURE,
            CnnPageController.ARCHITECTURE_RESET);

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /** The seed's network as the editor posts it (block 1 has no "on" box). */
    static Map<String, String> seedForm() {
        Map<String, String> form = new LinkedHashMap<>();
        int[] filters = {32, 64, 64};
        for (int i = 0; i < 3; i++) {
            if (i > 0) {
                form.put("b" + i + ".on", "on");
            }
            form.put("b" + i + ".filters", Integer.toString(filters[i]));
            form.put("b" + i + ".kernel", "3");
            form.put("b" + i + ".stride", "1");
            form.put("b" + i + ".padding", "valid");
            form.put("b" + i + ".activation", "relu");
            form.put("b" + i + ".pool", "max");
            form.put("b" + i + ".poolSize", "2");
            form.put("b" + i + ".poolStride", "");
            form.put("b" + i + ".dropout", "0");
        }
        form.put("b3.filters", "64");
        form.put("head", "flatten");
        form.put("d0.on", "on");
        form.put("d0.units", "64");
        form.put("d0.dropout", "0");
        return form;
    }

    static HttpRequest.Builder htmxPost(TestServer on, String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(on.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void anEditAnswersTheSummaryAndAnEnabledTrainButtonWithTheNetwork() {
        Map<String, String> form = seedForm();
        form.put("b0.filters", "16");
        HttpResponse<String> response = server.send(htmxPost(server, CnnPageController.ARCHITECTURE, form).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        // 16 filters: conv 160, conv 9,280, conv 36,928, dense 4,160, out 650.
        assertThat(response.body()).contains("data-total-params>51,178<", "3x3x1x16+16 = 160")
                .contains("id=\"architecture-json\"", "&#34;filters&#34;:16")
                .doesNotContain("data-architecture-error");
        assertThat(trainButton(response.body())).doesNotContain("disabled");

        HttpResponse<String> seed = server.send(htmxPost(server, CnnPageController.ARCHITECTURE, seedForm()).build());
        assertThat(seed.body()).contains("data-total-params>60,554<");
        assertThat(seed.body()).as("the seed's network trains as runs always did: no architecture sent")
                .contains("name=\"architecture\" value=\"\"");
    }

    @Test
    void anImpossibleNetworkAnswersTheErrorAndADisabledTrainButton() {
        Map<String, String> form = seedForm();
        form.put("b2.kernel", "7");
        HttpResponse<String> response = server.send(htmxPost(server, CnnPageController.ARCHITECTURE, form).build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("block 3: kernel 7 does not fit a 5x5 map", "data-architecture-error")
                .doesNotContain("data-total-params");
        assertThat(trainButton(response.body())).contains("disabled");

        form.put("b2.kernel", "x");
        assertThat(server.send(htmxPost(server, CnnPageController.ARCHITECTURE, form).build()).body())
                .contains("block 3: kernel must be a whole number, got \"x\"");
        form.put("b2.kernel", "3");
        form.put("d1.units", "0");
        assertThat(server.send(htmxPost(server, CnnPageController.ARCHITECTURE, form).build()).body())
                .as("a dense slot that is off is not checked").contains("data-total-params>60,554<");
        form.put("d1.on", "on");
        assertThat(server.send(htmxPost(server, CnnPageController.ARCHITECTURE, form).build()).body())
                .contains("dense 2: units must be between 1 and 1024, got 0");
    }

    @Test
    void resetAnswersTheWholeEditorWithTheSeed() {
        HttpResponse<String> response = server.send(htmxPost(server, CnnPageController.ARCHITECTURE_RESET, Map.of())
                .build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"architecture-editor\"", "data-total-params>60,554<",
                "name=\"b0.filters\" type=\"number\" min=\"1\" max=\"256\" value=\"32\"");
    }

    @Test
    void theTrainFormRefusesAMalformedArchitecture() {
        HttpResponse<String> response = server.send(htmxPost(server, CnnPageController.START_RUN,
                Map.of("epochs", "1", "architecture", "{\"blocks\":[{\"filters\":8,\"kernel\":3,\"size\":1}]}"))
                .build());
        assertThat(response.statusCode()).isEqualTo(400);
        // In the form's words, in the error region next to it.
        assertThat(response.body()).contains("Architecture (blocks[0].size): unknown field");
        assertThat(response.headers().firstValue("HX-Retarget")).hasValue("#" + TrainFormError.REGION_ID);
    }

    @Test
    void aForeignOriginIsRefusedOnEveryNewPost() {
        for (String path : NEW_POSTS) {
            HttpResponse<String> response = server.send(htmxPost(server, path, seedForm()).header("Origin", EVIL)
                    .build());
            assertThat(response.statusCode()).as(path).isEqualTo(403);
        }
    }

    @Test
    void withATokenConfiguredTheNewPostsNeedIt(@TempDir Path dataDir) {
        try (TestServer guarded = TestServer.start(AppConfig.forTests(dataDir).withToken(TOKEN), IDLE_WORKER)) {
            for (String path : NEW_POSTS) {
                HttpResponse<String> without = guarded.send(htmxPost(guarded, path, seedForm()).build());
                assertThat(without.statusCode()).as(path).isEqualTo(401);
            }
            HttpResponse<String> with = guarded.send(htmxPost(guarded, CnnPageController.ARCHITECTURE, seedForm())
                    .header("Authorization", "Bearer " + TOKEN).build());
            assertThat(with.statusCode()).isEqualTo(200);
        }
    }

    private static String trainButton(String body) {
        int start = body.indexOf("<button type=\"submit\" id=\"train-button\"");
        assertThat(start).as(body).isNotNegative();
        return body.substring(start, body.indexOf('>', start));
    }
}
