package deepdash.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.AppConfig;
import deepdash.digits.TrainedRuns;
import deepdash.json.Json;
import deepdash.protocol.RunFolder;
import deepdash.support.SyntheticRuns;
import deepdash.support.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code PATCH /api/runs/{id}}: a run's name and notes, kept in its folder's {@code label.json}
 * beside what the run recorded, shown wherever runs are listed or picked, and refused clearly when
 * they cannot be kept.
 */
@Timeout(120)
class RunLabelApiTest {

    static final String CNN_RUN = "20260101-000000-aaaaaa";
    static final String TOKEN = "test-token-0123456789abcdef";
    static final String EVIL = "https://evil.example";

    @TempDir
    Path dataDir;

    static HttpRequest.Builder patch(TestServer server, String id, String json) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/runs/" + id))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
    }

    static String body(String name, String notes) {
        return Json.write(new RunLabel(name, notes));
    }

    private Path runs() {
        return dataDir.resolve("runs");
    }

    @Test
    void aNameAndNotesAreKeptBesideTheRecordAndShowEverywhere() throws Exception {
        String[] other = SyntheticRuns.write(new RunStore(runs()), 2, 2).ids().toArray(String[]::new);
        TrainedRuns.completedCnn(runs(), CNN_RUN, 0.95);
        RunFolder folder = new RunFolder(runs().resolve(CNN_RUN));
        byte[] recordBefore = Files.readAllBytes(folder.recordFile());
        byte[] modelBefore = Files.readAllBytes(folder.parametersFile("cnn"));
        try (TestServer server = TestServer.start(dataDir)) {
            HttpResponse<String> saved = server.send(patch(server, CNN_RUN,
                    body("  Seed net, 2 epochs <b>  ", "First try.\r\nLooks fine\tso far.")).build());

            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            JsonNode run = TestServer.json(saved);
            assertThat(run.get("name").asText()).isEqualTo("Seed net, 2 epochs <b>");
            assertThat(run.get("notes").asText()).isEqualTo("First try.\nLooks fine\tso far.");
            assertThat(run.get("status").asText()).isEqualTo("completed");
            assertThat(TestServer.json(server.get("/api/runs/" + CNN_RUN)).get("name").asText())
                    .isEqualTo("Seed net, 2 epochs <b>");
            // Nothing the run recorded changed; the label has its own file.
            assertThat(Files.readAllBytes(folder.recordFile())).isEqualTo(recordBefore);
            assertThat(Files.readAllBytes(folder.parametersFile("cnn"))).isEqualTo(modelBefore);
            assertThat(Json.mapper().readValue(folder.labelFile().toFile(), RunLabel.class))
                    .isEqualTo(new RunLabel("Seed net, 2 epochs <b>", "First try.\nLooks fine\tso far."));
            try (var listing = Files.list(folder.path())) {
                assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
            }

            // Escaped wherever it shows: the list, the run page's title and heading, compare, Draw's models.
            String escaped = "Seed net, 2 epochs &lt;b&gt;";
            assertThat(server.get("/runs").body()).contains(escaped).doesNotContain("2 epochs <b>");
            String page = server.get("/runs/" + CNN_RUN).body();
            assertThat(page).contains("<title>" + escaped + " · DeepDash</title>",
                    "<h1 id=\"run-title\">" + escaped + "</h1>", "First try.\nLooks fine\tso far.</textarea>");
            assertThat(server.get("/runs/compare?ids=" + CNN_RUN + "," + other[0]).body()).contains(escaped);
            JsonNode models = TestServer.json(server.get("/api/predict/models"));
            assertThat(models.findValuesAsText("label")).anyMatch(label -> label.startsWith(
                    "Seed net, 2 epochs <b> (run " + CNN_RUN + ")"));
            assertThat(server.get("/draw").body()).contains(escaped + " (run " + CNN_RUN + ")");

            // One field alone leaves the other; "" clears.
            HttpResponse<String> renamed = server.send(patch(server, CNN_RUN, "{\"name\":\"Baseline\"}").build());
            assertThat(TestServer.json(renamed).get("notes").asText()).isEqualTo("First try.\nLooks fine\tso far.");
            HttpResponse<String> cleared = server.send(patch(server, CNN_RUN, "{\"notes\":\"\"}").build());
            assertThat(TestServer.json(cleared).get("name").asText()).isEqualTo("Baseline");
            assertThat(TestServer.json(cleared).has("notes")).isFalse();

            // An htmx form gets the "saved" fragment: the new title, the heading swapped out of band.
            HttpResponse<String> htmx = server.send(patch(server, CNN_RUN, "{\"name\":\"Baseline 2\",\"notes\":\"\"}")
                    .header("HX-Request", "true").build());
            assertThat(htmx.statusCode()).isEqualTo(200);
            assertThat(htmx.body()).contains("<title>Baseline 2 · DeepDash</title>", "Saved.",
                    "<h1 id=\"run-title\" hx-swap-oob=\"true\">Baseline 2</h1>");
            // A cleared name titles the run by its id, in the page's language.
            HttpResponse<String> unnamed = server.send(patch(server, CNN_RUN, "{\"name\":\"\"}")
                    .header("HX-Request", "true").header("Accept-Language", "ko").build());
            assertThat(unnamed.body()).contains("<title>실행 " + CNN_RUN + " · DeepDash</title>",
                    "<h1 id=\"run-title\" hx-swap-oob=\"true\">실행 " + CNN_RUN + "</h1>");
            server.send(patch(server, CNN_RUN, "{\"name\":\"Baseline 2\"}").build());
        }
        // Kept across a restart.
        try (TestServer server = TestServer.start(dataDir)) {
            assertThat(TestServer.json(server.get("/api/runs/" + CNN_RUN)).get("name").asText()).isEqualTo("Baseline 2");
            assertThat(server.get("/runs").body()).contains("Baseline 2");
        }
    }

    @Test
    void badNamesAndNotesAreRefusedNamingTheFieldAndNothingChanges() throws Exception {
        TrainedRuns.completedCnn(runs(), CNN_RUN, 0.95);
        try (TestServer server = TestServer.start(dataDir)) {
            assertThat(server.send(patch(server, CNN_RUN, body("kept", "kept too")).build()).statusCode())
                    .isEqualTo(200);
            Map<String, String[]> refusals = Map.of(
                    body("x".repeat(101), null), new String[] {"name", "name: is 101 characters long; at most 100"},
                    body(null, "n".repeat(2_001)), new String[] {"notes", "notes: is 2,001 characters long; at most 2,000"},
                    body("tab\there", null), new String[] {"name", "name: holds a control character (U+0009)"},
                    body("two\nlines", null), new String[] {"name", "name: holds a control character (U+000A)"},
                    body(null, "bell\u0007"), new String[] {"notes", "notes: holds a control character (U+0007)"},
                    "{}", new String[] {"name", "send \"name\", \"notes\" or both"},
                    "{\"title\":\"x\"}", new String[] {"title", "title"},
                    "{\"name\":5}", new String[] {"name", "name"},
                    "not json", new String[] {null, ""});
            for (Map.Entry<String, String[]> refusal : refusals.entrySet()) {
                HttpResponse<String> response = server.send(patch(server, CNN_RUN, refusal.getKey()).build());
                assertThat(response.statusCode()).as(refusal.getKey()).isEqualTo(400);
                JsonNode error = TestServer.json(response);
                assertThat(error.get("error").asText()).as(refusal.getKey()).contains(refusal.getValue()[1]);
                if (refusal.getValue()[0] != null) {
                    assertThat(error.get("field").asText()).as(refusal.getKey()).isEqualTo(refusal.getValue()[0]);
                }
            }
            // 100 characters (counted as people count them, not UTF-16 units) are fine.
            String hundred = "\uD83D\uDE00".repeat(100);
            assertThat(server.send(patch(server, CNN_RUN, body(hundred, null)).build()).statusCode()).isEqualTo(200);
            assertThat(server.send(patch(server, CNN_RUN, body("kept", null)).build()).statusCode()).isEqualTo(200);
            JsonNode run = TestServer.json(server.get("/api/runs/" + CNN_RUN));
            assertThat(run.get("name").asText()).isEqualTo("kept");
            assertThat(run.get("notes").asText()).isEqualTo("kept too");

            HttpResponse<String> unknown = server.send(patch(server, "20990101-000000-ffffff", body("x", null)).build());
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(TestServer.json(unknown).get("error").asText()).contains("no run with id");
            assertThat(Files.exists(runs().resolve("20990101-000000-ffffff"))).as("no folder made").isFalse();
            assertThat(server.send(patch(server, "..%2Fetc", body("x", null)).build()).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aForeignOriginIsRefusedAndNothingIsWritten() throws Exception {
        TrainedRuns.completedCnn(runs(), CNN_RUN, 0.95);
        try (TestServer server = TestServer.start(dataDir)) {
            HttpResponse<String> response = server.send(patch(server, CNN_RUN, body("evil", null))
                    .header("Origin", EVIL).build());
            assertThat(response.statusCode()).isEqualTo(403);
            HttpResponse<String> same = server.send(patch(server, CNN_RUN, body("mine", null))
                    .header("Origin", server.baseUrl()).build());
            assertThat(same.statusCode()).isEqualTo(200);
            assertThat(TestServer.json(server.get("/api/runs/" + CNN_RUN)).get("name").asText()).isEqualTo("mine");
        }
    }

    @Test
    void boundWithATokenAPatchWithoutItGets401() throws Exception {
        TrainedRuns.completedCnn(runs(), CNN_RUN, 0.95);
        try (TestServer server = TestServer.start(AppConfig.forTests(dataDir).withToken(TOKEN))) {
            HttpResponse<String> without = server.send(patch(server, CNN_RUN, body("nope", null)).build());
            assertThat(without.statusCode()).isEqualTo(401);
            HttpResponse<String> wrong = server.send(patch(server, CNN_RUN, body("nope", null))
                    .header("Authorization", "Bearer wrong").build());
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(Files.exists(new RunFolder(runs().resolve(CNN_RUN)).labelFile())).isFalse();
            HttpResponse<String> with = server.send(patch(server, CNN_RUN, body("yes", null))
                    .header("Authorization", "Bearer " + TOKEN).build());
            assertThat(with.statusCode()).as(with.body()).isEqualTo(200);
        }
    }
}
