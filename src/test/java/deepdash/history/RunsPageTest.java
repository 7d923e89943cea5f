package deepdash.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.json.Json;
import deepdash.model.CnnSettings;
import deepdash.model.CnnSpec;
import deepdash.model.SeriesSettings;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.RunConfig;
import deepdash.protocol.RunRecord;
import deepdash.protocol.RunStatus;
import deepdash.runs.RunStore;
import deepdash.runs.WorkerLauncher;
import deepdash.support.SyntheticRuns;
import deepdash.support.SyntheticRuns.Written;
import deepdash.support.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Runs pages over HTTP: list, filters, paging, detail, compare and delete. */
@Timeout(120)
class RunsPageTest {

    private static final Pattern ROW = Pattern.compile("<tr data-run-id=\"([a-z0-9-]+)\" data-status=\"([a-z]+)\">");
    /** {@code cat} stands in for a worker: it runs until cancelled and never reports. */
    static final WorkerLauncher IDLE_WORKER = runDir -> new ProcessBuilder("cat").start();

    @TempDir
    Path dataDir;

    Written seed(int count) {
        return SyntheticRuns.write(new RunStore(dataDir.resolve("runs")), count, 4);
    }

    static List<String> rowIds(String html) {
        Matcher m = ROW.matcher(html);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static List<String> rowStatuses(String html) {
        Matcher m = ROW.matcher(html);
        List<String> statuses = new ArrayList<>();
        while (m.find()) {
            statuses.add(m.group(2));
        }
        return statuses;
    }

    @Test
    void listsFiftyRunsNewestFirstWithTheirFactsAndAPager() throws Exception {
        Written written = seed(120);
        try (TestServer server = TestServer.start(dataDir)) {
            HttpResponse<String> page = server.get("/runs");
            assertThat(page.statusCode()).isEqualTo(200);
            String html = page.body();
            assertThat(html).contains("<a href=\"/runs\" class=\"active\" aria-current=\"page\">Runs</a>", "<a href=\"/cnn\"");
            assertThat(rowIds(html)).containsExactlyElementsOf(written.newestFirst().subList(0, 50));
            assertThat(html).contains("1–50 of 120", "href=\"/runs?offset=50\"", "hx-get=\"/runs/table?offset=50\"")
                    .doesNotContain("rel=\"prev\"");
            // An LSTM row shows its dataset and window; a CNN row MNIST and its image count.
            assertThat(html).contains("ds-0001 · Close", "window 50", "MNIST", "4 epochs · batch 64 · lr 0.001 · "
                    + "3,000 images");
            assertThat(html).contains("val_accuracy", "val_mae", "test accuracy", "test mae", "cpu()");
            assertThat(html).contains("the server stopped while this run was running; 2 of 4 epochs were completed");
            assertThat(html).as("finished runs need no refresh").doesNotContain("every 3s");

            String last = server.get("/runs?offset=100").body();
            assertThat(rowIds(last)).containsExactlyElementsOf(written.newestFirst().subList(100, 120));
            assertThat(last).contains("101–120 of 120", "rel=\"prev\"").doesNotContain("rel=\"next\"");

            // The cells speak the page's language; numbers, dataset names and Keras names stay.
            String korean = server.get("/runs?lang=ko").body();
            assertThat(korean).contains("4 에포크 · 배치 64 · 학습률 0.001 · 이미지 3,000장", "윈도 50", "ds-0001 · Close",
                    "테스트 accuracy", "val_mae (스케일한 값)").containsPattern(">\\d+초<")
                    .doesNotContain("test accuracy", " epochs · ", "(scaled)");
            // So do the reasons the server wrote into run.json when a run ended.
            assertThat(korean).contains("이 실행이 학습 중일 때 서버가 멈췄습니다. 에포크 4개 중 2개를 마쳤습니다")
                    .doesNotContain("the server stopped while");
        }
    }

    @Test
    void filtersSwapTheTableFragmentAndKeepTheAddress() throws Exception {
        seed(60);
        try (TestServer server = TestServer.start(dataDir)) {
            HttpResponse<String> fragment = server.htmxGet("/runs/table?model=lstm&status=completed");
            assertThat(fragment.statusCode()).isEqualTo(200);
            assertThat(fragment.body().stripLeading()).startsWith("<div id=\"run-table\"").doesNotContain("<html");
            assertThat(fragment.headers().firstValue("HX-Push-Url")).contains("/runs?model=lstm&status=completed");
            assertThat(rowStatuses(fragment.body())).isNotEmpty().containsOnly("completed");
            assertThat(fragment.body()).doesNotContain("MNIST");

            String interrupted = server.get("/runs?status=interrupted").body();
            assertThat(rowStatuses(interrupted)).hasSize(6).containsOnly("interrupted");
            assertThat(interrupted).contains("<option value=\"interrupted\" selected>");

            assertThat(server.get("/runs/table?status=lost").statusCode()).isEqualTo(400);
            assertThat(server.get("/runs?model=gpt").statusCode()).isEqualTo(400);
            assertThat(rowIds(server.get("/runs/table?model=cnn&offset=500").body())).isEmpty();
        }
    }

    @Test
    void activeRunsShowTheirQueuePlaceAndProgressAndTheTableRefreshesItself() throws Exception {
        try (TestServer server = TestServer.start(dataDir, IDLE_WORKER)) {
            String running = Json.mapper().readTree(server.postJson("/api/runs", "{\"model\":\"cnn\",\"epochs\":3}")
                    .body()).get("id").asText();
            String queued = Json.mapper().readTree(server.postJson("/api/runs", "{\"model\":\"cnn\",\"epochs\":3}")
                    .body()).get("id").asText();
            String html = server.get("/runs").body();
            assertThat(html).contains("queued · place 1", "running · 0%", "hx-trigger=\"every 3s\"");
            assertThat(html).contains("hx-get=\"/runs/table\"");
            String detail = server.get("/runs/" + running).body();
            assertThat(detail).contains("data-role=\"delete-run\" disabled");

            HttpResponse<String> conflict = server.send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/ui/runs/" + queued)).header("HX-Request", "true").DELETE().build());
            assertThat(conflict.statusCode()).isEqualTo(409);
            assertThat(conflict.body()).contains("class=\"error\"", "cancel it before deleting it");

            server.postJson("/api/runs/" + queued + "/cancel", "");
            server.postJson("/api/runs/" + running + "/cancel", "");
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < deadline
                    && !Json.mapper().readTree(server.get("/api/runs/" + running).body()).get("status").asText()
                    .equals("cancelled")) {
                Thread.sleep(50);
            }
            String after = server.get("/runs").body();
            assertThat(rowStatuses(after)).containsOnly("cancelled");
            assertThat(after).doesNotContain("every 3s");
        }
    }

    @Test
    void theDetailPageStreamsTheRunAndOffersItsDownloadsAndDelete() throws Exception {
        Written written = seed(3);
        String id = written.ids().get(0);
        try (TestServer server = TestServer.start(dataDir)) {
            HttpResponse<String> page = server.get("/runs/" + id);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("class=\"run-panel\" id=\"run-" + id + "\" data-run-id=\"" + id + "\"",
                    "href=\"/api/runs/" + id + "/metrics.csv\"", "data-chart-png=\"" + id + "-loss.png\"",
                    "data-chart-png=\"" + id + "-accuracy.png\"", "data-control=\"smoothing\"",
                    "data-control=\"x\"", "data-control=\"log\"", "hx-delete=\"/ui/runs/" + id + "\"", "hx-confirm=",
                    "No saved model yet");
            assertThat(page.body()).doesNotContain("data-role=\"delete-run\" disabled");
            assertThat(server.get("/runs/20990101-000000-000000").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void deletingFromThePageSendsTheBrowserBackToTheList() throws Exception {
        Written written = seed(3);
        String id = written.ids().get(1);
        try (TestServer server = TestServer.start(dataDir)) {
            HttpResponse<String> response = server.delete("/ui/runs/" + id);
            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.headers().firstValue("HX-Redirect")).contains("/runs?deleted=" + id);
            assertThat(dataDir.resolve("runs").resolve(id)).doesNotExist();
            String list = server.get("/runs?deleted=" + id).body();
            assertThat(list).contains("Run <code>" + id + "</code> was deleted.");
            assertThat(rowIds(list)).doesNotContain(id).hasSize(2);
            assertThat(server.get("/runs?deleted=%3Cscript%3E").body()).doesNotContain("was deleted");
        }
    }

    @Test
    void compareOverlaysEveryRunAndHighlightsTheSettingsThatDiffer() throws Exception {
        Written written = seed(4);
        List<String> ids = written.ids().subList(1, 4);
        try (TestServer server = TestServer.start(dataDir)) {
            HttpResponse<String> page = server.get("/runs/compare?ids=" + String.join(",", ids));
            assertThat(page.statusCode()).isEqualTo(200);
            String html = page.body();
            for (String key : List.of("val_accuracy", "val_mae", "val_loss", "accuracy", "mae", "loss")) {
                assertThat(html).contains("data-compare-metric=\"" + key + "\"");
            }
            assertThat(html).contains("data-compare-metric=\"loss\" data-log-scale=\"true\"");
            assertThat(html).containsPattern("<tr class=\"differs\">\\s*<th>model</th>");
            assertThat(html).containsPattern("<tr>\\s*<th>epochs</th>");
            assertThat(html).contains("data-color=\"#2563eb\"", "data-color=\"#ea580c\"", "data-color=\"#16a34a\"");

            Matcher data = Pattern.compile("data-runs=\"([^\"]*)\"").matcher(html);
            assertThat(data.find()).isTrue();
            JsonNode runs = Json.mapper().readTree(data.group(1).replace("&#34;", "\"").replace("&quot;", "\"")
                    .replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
            assertThat(runs).hasSize(3);
            assertThat(runs.get(0).get("id").asText()).isEqualTo(ids.get(0));
            assertThat(runs.get(2).get("epochs").get(0).has("val_mae")).isTrue();
            assertThat(runs.get(2).get("epochs").get(0).get("elapsedSeconds").asDouble()).isPositive();

            String korean = server.get("/runs/compare?lang=ko&ids=" + String.join(",", ids)).body();
            assertThat(korean).containsPattern("<tr class=\"differs\">\\s*<th>모델</th>")
                    .containsPattern("<tr>\\s*<th>에포크</th>").contains("<th>배치 크기</th>", "<th>학습률</th>",
                            "<th>끝난 에포크</th>", "<th>윈도</th>", "<th>학습 이미지</th>")
                    .doesNotContain("<th>batch size</th>", "<th>epochs done</th>");

            HttpResponse<String> formStyle = server.get("/runs/compare?ids=" + ids.get(0) + "&ids=" + ids.get(1));
            assertThat(formStyle.statusCode()).isEqualTo(200);
            assertThat(server.get("/runs/compare?ids=" + ids.get(0)).statusCode()).isEqualTo(400);
            assertThat(server.get("/runs/compare").statusCode()).isEqualTo(400);
            assertThat(server.get("/runs/compare?ids=" + ids.get(0) + ",20990101-000000-000000").statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void historyOutlivesARestartAndRunsACrashInterruptedSaySo() throws Exception {
        seed(5);
        RunStore store = new RunStore(dataDir.resolve("runs"));
        RunRecord crashed = RunRecord.queued("20990101-000000-abcdef", CnnSpec.runConfig(CnnSettings.DEFAULTS),
                Instant.now())
                .started("cpu()", Instant.now());
        store.write(crashed);
        store.folder(crashed.id()).appendEpoch(EpochMetrics.classifier(1, 0.3, 0.9, 0.2, 0.93, 10, 4800, 10));
        try (TestServer server = TestServer.start(dataDir)) {
            String html = server.get("/runs").body();
            assertThat(rowIds(html)).hasSize(6).first().isEqualTo(crashed.id());
            assertThat(rowStatuses(html).get(0)).isEqualTo("interrupted");
            assertThat(html).contains("the server stopped while this run was running; 1 of 10 epochs were completed");
        }
        try (TestServer again = TestServer.start(dataDir)) {
            assertThat(rowIds(again.get("/runs").body())).hasSize(6);
            assertThat(again.get("/runs/" + crashed.id()).body()).contains("0.9300");
        }
    }

    @Test
    void userTextIsEscaped() throws Exception {
        RunStore store = new RunStore(dataDir.resolve("runs"));
        RunConfig config = RunConfig.of("lstm", new SeriesSettings(2, 32, 0.001, "auto", "<script>alert(1)</script>",
                "\"Close\"", 30, null, null, null, null, null));
        store.write(RunRecord.queued("20260101-000000-abcdef", config, Instant.now()).ended(
                RunStatus.FAILED, "<img src=x onerror=alert(1)>", Instant.now()));
        try (TestServer server = TestServer.start(dataDir)) {
            String html = server.get("/runs").body();
            assertThat(html).doesNotContain("<script>alert(1)</script>", "<img src=x");
            assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }
}
