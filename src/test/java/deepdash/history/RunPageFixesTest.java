package deepdash.history;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.digits.TrainedRuns;
import deepdash.mistakes.EvaluationController;
import deepdash.model.CnnSettings;
import deepdash.model.CnnSpec;
import deepdash.model.SeriesSettings;
import deepdash.protocol.RunConfig;
import deepdash.protocol.RunStatus;
import deepdash.protocol.TestResult;
import deepdash.runs.RunStore;
import deepdash.support.SyntheticRuns;
import deepdash.support.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run pages' rough edges of a first visit: an empty list says one thing, the delete hint only
 * where it applies, "train again with these settings" and "open in Draw".
 */
@Timeout(120)
class RunPageFixesTest {

    static final String CNN_RUN = "20260101-000000-aaaaaa";
    static final String RUNNING_CNN = "20260102-000000-bbbbbb";
    static final String GRU_RUN = "20260103-000000-cccccc";

    @TempDir
    Path dataDir;

    private Path runs() {
        return dataDir.resolve("runs");
    }

    @Test
    void anEmptyListSaysSoOnce() {
        try (TestServer server = TestServer.start(dataDir)) {
            String html = server.get("/runs").body();
            assertThat(html).containsOnlyOnce("No runs yet.").contains("href=\"/cnn\"", "href=\"/forecast\"")
                    .doesNotContain("No runs match these filters").doesNotContainIgnoringCase(">no runs<");
            String filtered = server.htmxGet("/runs/table?status=failed").body();
            assertThat(filtered).containsOnlyOnce("No runs match these filters.").doesNotContain("No runs yet")
                    .doesNotContain("data-role=\"range\"");
        }
    }

    @Test
    void aPagePastTheEndSaysHowManyRunsThereAre() {
        SyntheticRuns.write(new RunStore(runs()), 3, 2);
        try (TestServer server = TestServer.start(dataDir)) {
            String html = server.get("/runs?offset=50").body();
            assertThat(html).containsOnlyOnce("No runs on this page: there are 3 runs in all.")
                    .doesNotContain("No runs match");
        }
    }

    @Test
    void theDeleteHintShowsOnlyWhileARunIsQueuedOrRunning() {
        TrainedRuns.completedCnn(runs(), CNN_RUN, 0.95);
        TrainedRuns.write(runs(), RUNNING_CNN, CnnSpec.runConfig(CnnSettings.DEFAULTS), RunStatus.INTERRUPTED, null,
                false);
        try (TestServer server = TestServer.start(dataDir, runDir -> new ProcessBuilder("cat").start())) {
            assertThat(server.get("/runs/" + CNN_RUN).body()).doesNotContain("must be cancelled first")
                    .doesNotContain("data-role=\"delete-hint\"");
            assertThat(server.get("/runs/" + RUNNING_CNN).body()).doesNotContain("must be cancelled first");
            String queued = TestServer.json(server.postJson("/api/runs",
                    "{\"model\":\"cnn\",\"epochs\":1,\"trainLimit\":100}")).get("id").asText();
            assertThat(server.get("/runs/" + queued).body()).contains("data-role=\"delete-hint\"",
                    "A queued or running run must be cancelled first.");
            server.postJson("/api/runs/" + queued + "/cancel", "");
        }
    }

    @Test
    void aCompletedCnnRunOpensInDrawWithItsModelSelected() {
        TrainedRuns.completedCnn(runs(), CNN_RUN, 0.95);
        TrainedRuns.write(runs(), RUNNING_CNN, CnnSpec.runConfig(CnnSettings.DEFAULTS), RunStatus.COMPLETED,
                new TestResult(0.1, 0.9, null, 10_000, 1.0), false);
        try (TestServer server = TestServer.start(dataDir)) {
            String page = server.get("/runs/" + CNN_RUN).body();
            assertThat(page).contains("href=\"/draw?model=" + CNN_RUN + "\" data-role=\"open-in-draw\">Open in Draw");
            // Without saved parameters there is nothing to draw with.
            assertThat(server.get("/runs/" + RUNNING_CNN).body()).doesNotContain("open-in-draw");

            String draw = server.get("/draw?model=" + CNN_RUN).body();
            assertThat(draw).contains("<option value=\"" + CNN_RUN + "\" selected>")
                    .doesNotContain("<option value=\"shipped-cnn\" selected>")
                    .contains("href=\"" + EvaluationController.pagePath(CNN_RUN) + "\"");
            // The most accurate model otherwise, and a word on why when the asked one cannot draw.
            assertThat(server.get("/draw").body()).contains("<option value=\"shipped-cnn\" selected>")
                    .doesNotContain("data-role=\"model-notice\"");
            assertThat(server.get("/draw?model=" + RUNNING_CNN).body())
                    .contains("<option value=\"shipped-cnn\" selected>", "data-role=\"model-notice\"",
                            "No completed CNN run \"" + RUNNING_CNN + "\"");
        }
    }

    @Test
    void trainAgainFillsTheCnnFormWithTheRunsSettings() {
        CnnSettings settings = new CnnSettings(3, 64, 0.002, 2_000, "cpu", null, 0.0005, 0.00001, "step", 2, 4)
                .withDenseDropout(0.25);
        TrainedRuns.write(runs(), CNN_RUN, CnnSpec.runConfig(settings), RunStatus.COMPLETED,
                new TestResult(0.1, 0.95, null, 10_000, 1.0), true);
        try (TestServer server = TestServer.start(dataDir)) {
            assertThat(server.get("/runs/" + CNN_RUN).body())
                    .contains("href=\"/cnn?from=" + CNN_RUN + "\" data-role=\"train-again\"");
            String form = server.get("/cnn?from=" + CNN_RUN).body();
            assertThat(form).contains("data-role=\"from-run\"", CNN_RUN,
                    "name=\"epochs\" type=\"number\" min=\"1\" max=\"1000\" value=\"3\"",
                    "name=\"batchSize\" type=\"number\" min=\"1\" max=\"4096\" value=\"64\"",
                    "name=\"learningRate\" type=\"text\" inputmode=\"decimal\" value=\"0.002\"",
                    "value=\"2000\"", "<option value=\"cpu\" selected>", "value=\"5.0E-4\"", "value=\"1.0E-5\"",
                    "<option value=\"step\" selected>", "value=\"2\"", "placeholder=\"off\" value=\"4\"",
                    "<details class=\"cures\" open>", "0.25");
            String plain = server.get("/cnn").body();
            assertThat(plain).doesNotContain("data-role=\"from-run\"").contains("<option value=\"constant\" selected>",
                    "<option value=\"auto\" selected>").doesNotContain("<details class=\"cures\" open>");
            assertThat(server.get("/cnn?from=20990101-000000-ffffff").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void trainAgainFillsTheForecastFormWithTheRunsDatasetModelAndSettings() {
        SeriesSettings settings = new SeriesSettings(7, 16, 0.003, "auto", "sample-synthetic", "Close", 9,
                "2016-02-01", "2020-06-30", "2019-09-02", "returns", 5);
        TrainedRuns.write(runs(), GRU_RUN, RunConfig.of("gru", settings), RunStatus.COMPLETED, null, false);
        TrainedRuns.completedCnn(runs(), CNN_RUN, 0.95);
        try (TestServer server = TestServer.start(dataDir)) {
            assertThat(server.get("/runs/" + GRU_RUN).body())
                    .contains("href=\"/forecast?from=" + GRU_RUN + "\" data-role=\"train-again\"")
                    .doesNotContain("open-in-draw");
            String page = server.get("/forecast?from=" + GRU_RUN).body();
            assertThat(page).contains("data-role=\"from-run\"", "<option value=\"gru\" selected>",
                    "name=\"from\" value=\"2016-02-01\"", "name=\"to\" value=\"2020-06-30\"",
                    "name=\"splitDate\" value=\"2019-09-02\"", "value=\"9\"", "<option value=\"returns\" selected>",
                    "<option value=\"5\" selected>", "value=\"7\"");
            HttpResponse<String> wrongKind = server.get("/forecast?from=" + CNN_RUN);
            assertThat(wrongKind.statusCode()).isEqualTo(400);
            assertThat(wrongKind.body()).contains("trained a cnn model");
        }
    }
}
