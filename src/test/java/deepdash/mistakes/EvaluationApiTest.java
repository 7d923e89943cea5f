package deepdash.mistakes;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.AppServices;
import deepdash.digits.DigitPreprocessor;
import deepdash.digits.LabeledDigit;
import deepdash.digits.PredictionService;
import deepdash.digits.TrainedRuns;
import deepdash.evaluation.PredictionSet;
import deepdash.mnist.IdxImages;
import deepdash.mnist.MnistData;
import deepdash.model.CnnSettings;
import deepdash.model.CnnSpec;
import deepdash.model.SeriesSettings;
import deepdash.protocol.RunConfig;
import deepdash.protocol.RunFolder;
import deepdash.protocol.RunRecord;
import deepdash.protocol.RunStatus;
import deepdash.protocol.TestResult;
import deepdash.support.TestServer;
import deepdash.training.ImageClassification;
import deepdash.training.RunFilesWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The evaluation API over real HTTP, on a run trained here by the worker's own code (it writes its
 * answers when its test ends), on a run made before this feature (the server computes them once)
 * and on the shipped model. Every matrix is checked against a count of our own from the IDX labels.
 */
@Timeout(600)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvaluationApiTest {

    static final String TRAINED = "20260201-000000-aaaaaa";
    static final String OLD_RUN = "20260202-000000-bbbbbb";
    static final String RUN_WITHOUT_MODEL = "20260203-000000-cccccc";
    static final String FAILED_RUN = "20260204-000000-dddddd";
    static final String LSTM_RUN = "20260205-000000-eeeeee";
    static final String SHIPPED = PredictionService.SHIPPED_MODEL_ID;

    static AppServices services;
    static TestResult trainedResult;
    static byte[] labels;
    static IdxImages images;

    @RegisterExtension
    static final TestServer server = TestServer.perClass((config, builder) -> services = builder.build())
            .withData(EvaluationApiTest::writeRuns);

    static void writeRuns(Path dataDir) {
        Path runs = dataDir.resolve("runs");
        trainedResult = trainTinyRun(runs.resolve(TRAINED));
        // A run finished before evaluations were kept: parameters, no evaluation.json.
        TrainedRuns.completedCnn(runs, OLD_RUN, 0.987);
        TrainedRuns.write(runs, RUN_WITHOUT_MODEL, CnnSpec.runConfig(CnnSettings.DEFAULTS), RunStatus.COMPLETED,
                null, false);
        TrainedRuns.write(runs, FAILED_RUN, CnnSpec.runConfig(CnnSettings.DEFAULTS), RunStatus.FAILED, null, true);
        TrainedRuns.write(runs, LSTM_RUN, RunConfig.of("lstm", new SeriesSettings(5, 32, 0.001, "auto", "prices",
                "close", 60, null, null, null, null, null)), RunStatus.COMPLETED, null, true);
    }

    /** One epoch on 1,000 images, the way the worker trains: run.json, parameters and evaluation.json. */
    static TestResult trainTinyRun(Path runDir) {
        CnnSpec spec = new CnnSpec();
        RunConfig config = CnnSpec.runConfig(CnnSettings.DEFAULTS.withEpochs(1).withTrainLimit(1000));
        RunFolder folder = new RunFolder(runDir);
        RunRecord record = RunRecord.queued(TRAINED, config, Instant.parse("2026-02-01T00:00:00Z"));
        folder.writeRecord(record);
        return new ImageClassification(MnistData.load(null)).train(spec, spec.settings(config), folder,
                new RunFilesWriter(folder, record), 42, () -> false);
    }

    @BeforeAll
    static void readTheTestSet() {
        labels = MnistData.loadTestLabels(null);
        images = MnistData.loadTestImages(null);
    }

    static JsonNode ok(String path) {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json(response);
    }

    static int[][] matrix(JsonNode evaluation) {
        int[][] counts = new int[10][10];
        JsonNode rows = evaluation.get("confusion");
        assertThat(rows.size()).isEqualTo(10);
        for (int a = 0; a < 10; a++) {
            assertThat(rows.get(a).size()).isEqualTo(10);
            for (int p = 0; p < 10; p++) {
                counts[a][p] = rows.get(a).get(p).asInt();
            }
        }
        return counts;
    }

    static int sum(int[][] counts) {
        int total = 0;
        for (int[] row : counts) {
            for (int count : row) {
                total += count;
            }
        }
        return total;
    }

    static int diagonal(int[][] counts) {
        int total = 0;
        for (int d = 0; d < 10; d++) {
            total += counts[d][d];
        }
        return total;
    }

    /** Our own count: the stored answers against the IDX labels, not the stored labels. */
    static int[][] independentCount(Path evaluationFile) {
        PredictionSet stored = PredictionSet.read(evaluationFile);
        assertThat(stored.size()).isEqualTo(labels.length);
        int[][] counts = new int[10][10];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]][stored.predicted(i)]++;
        }
        return counts;
    }

    static float[] pixels(int index) {
        float[] pixels = new float[DigitPreprocessor.PIXEL_COUNT];
        images.copyScaled(index, pixels, 0);
        return pixels;
    }

    // ---- the matrix --------------------------------------------------------------------------

    @Test
    void theWorkerKeepsItsTestAnswersAndTheirAccuracyIsTheReportedOne() {
        Path file = server.dataDir().resolve("runs").resolve(TRAINED).resolve(RunFolder.EVALUATION_FILE);
        assertThat(file).isRegularFile();
        int computedBefore = services.evaluations().computedTestSets();

        JsonNode evaluation = ok("/api/runs/" + TRAINED + "/evaluation");
        int[][] counts = matrix(evaluation);

        assertThat(sum(counts)).isEqualTo(10_000);
        assertThat(counts).isDeepEqualTo(independentCount(file));
        // Exactly, not roughly: the accuracy the run reported is the diagonal of this matrix.
        assertThat(diagonal(counts) / 10_000.0).isEqualTo(trainedResult.accuracy());
        assertThat(evaluation.get("accuracy").asDouble()).isEqualTo(trainedResult.accuracy());
        assertThat(evaluation.get("recordedAccuracy").asDouble()).isEqualTo(trainedResult.accuracy());
        assertThat(evaluation.get("count").asInt()).isEqualTo(10_000);
        // Read from the run folder, not computed again.
        assertThat(services.evaluations().computedTestSets()).isEqualTo(computedBefore);
    }

    @Test
    void anOlderRunIsEvaluatedOnceOnFirstRequestEvenWhenAskedFourTimesAtOnce() throws Exception {
        Path file = server.dataDir().resolve("runs").resolve(OLD_RUN).resolve(RunFolder.EVALUATION_FILE);
        assertThat(file).doesNotExist();
        int computedBefore = services.evaluations().computedTestSets();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<JsonNode>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(pool.submit(() -> ok("/api/runs/" + OLD_RUN + "/evaluation")));
        }
        List<int[][]> matrices = new ArrayList<>();
        for (Future<JsonNode> answer : answers) {
            matrices.add(matrix(answer.get()));
        }
        pool.shutdown();

        assertThat(services.evaluations().computedTestSets()).isEqualTo(computedBefore + 1);
        assertThat(file).isRegularFile();
        assertThat(matrices).allSatisfy(m -> assertThat(m).isDeepEqualTo(matrices.get(0)));
        int[][] counts = matrices.get(0);
        assertThat(sum(counts)).isEqualTo(10_000);
        assertThat(counts).isDeepEqualTo(independentCount(file));
        System.out.printf("computed an evaluation of 10,000 test images in %d ms%n",
                services.evaluations().lastComputeMillis());
    }

    /** First, so that it measures the first request for the shipped model. */
    @Test
    @Order(1)
    void theShippedModelsDiagonalIsItsRecordedAccuracy() {
        assertThat(server.dataDir().resolve("evaluations")).doesNotExist();
        long start = System.nanoTime();
        JsonNode evaluation = ok("/api/runs/" + SHIPPED + "/evaluation");
        long firstRequestMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("shipped-cnn: the first evaluation request took %d ms (computing: %d ms)%n",
                firstRequestMillis, services.evaluations().lastComputeMillis());
        int[][] counts = matrix(evaluation);
        Path file = server.dataDir().resolve("evaluations").resolve(SHIPPED + ".json");

        assertThat(file).isRegularFile();
        assertThat(sum(counts)).isEqualTo(10_000);
        assertThat(counts).isDeepEqualTo(independentCount(file));
        assertThat(diagonal(counts) / 10_000.0).isEqualTo(evaluation.get("recordedAccuracy").asDouble());
        assertThat(evaluation.get("perClass")).hasSize(10);
        for (int d = 0; d < 10; d++) {
            JsonNode stats = evaluation.get("perClass").get(d);
            int column = 0;
            for (int a = 0; a < 10; a++) {
                column += counts[a][d];
            }
            assertThat(stats.get("digit").asInt()).isEqualTo(d);
            assertThat(stats.get("count").asInt()).isEqualTo(java.util.Arrays.stream(counts[d]).sum());
            assertThat(stats.get("recall").asDouble()).isEqualTo((double) counts[d][d] / stats.get("count").asInt());
            assertThat(stats.get("precision").asDouble()).isEqualTo((double) counts[d][d] / column);
        }
    }

    @Test
    void theStoredAnswersAreWhatTheDrawPagesOwnPredictionSays() {
        ok("/api/runs/" + SHIPPED + "/evaluation");
        PredictionSet stored = PredictionSet.read(server.dataDir().resolve("evaluations").resolve(SHIPPED + ".json"));
        // A spread of images, right and wrong ones, through the single-image path.
        List<Integer> sample = new ArrayList<>();
        for (int i = 0; i < 10_000; i += 97) {
            sample.add(i);
        }
        sample.addAll(stored.mistakes(0, 20).items().stream().map(item -> item.index()).toList());
        for (int index : sample) {
            int digit = services.predictions().predictPixels(pixels(index), SHIPPED, false).digit();
            assertThat(stored.predicted(index)).as("test image " + index).isEqualTo(digit);
        }
    }

    // ---- behind a cell, and the mistakes -----------------------------------------------------

    @Test
    void theImagesBehindACellHaveItsLabelAndPrediction() {
        int[][] counts = matrix(ok("/api/runs/" + SHIPPED + "/evaluation"));
        int checkedCells = 0;
        for (int a = 0; a < 10; a++) {
            for (int p = 0; p < 10; p++) {
                if (counts[a][p] == 0 || (a == p && a % 3 != 0)) {
                    continue;
                }
                JsonNode page = ok("/api/runs/" + SHIPPED + "/evaluation/images?actual=" + a + "&predicted=" + p
                        + "&limit=200");
                assertThat(page.get("total").asInt()).as("cell %d,%d", a, p).isEqualTo(counts[a][p]);
                assertThat(page.get("items").size()).isEqualTo(Math.min(200, counts[a][p]));
                for (JsonNode item : page.get("items")) {
                    int index = item.get("index").asInt();
                    assertThat(labels[index]).as("IDX label of test image " + index).isEqualTo((byte) a);
                    assertThat(item.get("actual").asInt()).isEqualTo(a);
                    assertThat(item.get("predicted").asInt()).isEqualTo(p);
                    assertThat(item.get("top3").get(0).get("digit").asInt()).isEqualTo(p);
                    assertThat(item.get("confidence").asDouble())
                            .isEqualTo(item.get("top3").get(0).get("probability").asDouble());
                    assertThat(item.get("top3")).hasSize(3);
                }
                checkedCells++;
            }
        }
        assertThat(checkedCells).isGreaterThan(10);
        // A wrong cell's first image, read again one at a time, is read the same way.
        JsonNode wrong = ok("/api/runs/" + SHIPPED + "/mistakes?limit=1").get("items").get(0);
        int index = wrong.get("index").asInt();
        assertThat(services.predictions().predictPixels(pixels(index), SHIPPED, false).digit())
                .isEqualTo(wrong.get("predicted").asInt());
    }

    @Test
    void cellsPageWithOffsetAndLimit() {
        JsonNode all = ok("/api/runs/" + SHIPPED + "/evaluation/images?actual=1&predicted=1&limit=30");
        JsonNode second = ok("/api/runs/" + SHIPPED + "/evaluation/images?actual=1&predicted=1&offset=10&limit=5");
        assertThat(second.get("items")).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(second.get("items").get(i)).isEqualTo(all.get("items").get(10 + i));
        }
        assertThat(ok("/api/runs/" + SHIPPED + "/evaluation/images?actual=1&predicted=1").get("items"))
                .hasSize(EvaluationController.DEFAULT_LIMIT);
    }

    @Test
    void mistakesAreAllWrongAndTheMostConfidentComeFirst() {
        JsonNode mistakes = ok("/api/runs/" + SHIPPED + "/mistakes?limit=100");
        JsonNode evaluation = ok("/api/runs/" + SHIPPED + "/evaluation");
        int[][] counts = matrix(evaluation);

        assertThat(mistakes.get("total").asInt()).isEqualTo(10_000 - diagonal(counts));
        assertThat(mistakes.get("items")).hasSize(100);
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode item : mistakes.get("items")) {
            int index = item.get("index").asInt();
            assertThat(labels[index]).isEqualTo((byte) item.get("actual").asInt());
            assertThat(item.get("predicted").asInt()).isNotEqualTo(item.get("actual").asInt());
            double confidence = item.get("confidence").asDouble();
            assertThat(confidence).isLessThanOrEqualTo(previous);
            previous = confidence;
        }
        assertThat(mistakes.get("items").get(0).get("confidence").asDouble()).isGreaterThan(0.5);
    }

    // ---- the personal set ---------------------------------------------------------------------

    @Test
    void withoutDrawingsThePersonalSetIsEmpty() {
        JsonNode personal = ok("/api/runs/" + SHIPPED + "/evaluation?set=personal");
        assertThat(personal.get("set").asText()).isEqualTo("personal");
        assertThat(personal.get("count").asInt()).isZero();
        assertThat(personal.get("accuracy").isNull()).isTrue();
        assertThat(sum(matrix(personal))).isZero();
        assertThat(ok("/api/runs/" + SHIPPED + "/evaluation?set=test").get("count").asInt()).isEqualTo(10_000);
    }

    @Test
    void thePersonalSetIsReadThroughTheSameModel() {
        // Stand-in drawings: 30 test images, two of them labelled wrongly on purpose.
        List<LabeledDigit> drawings = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int label = i < 2 ? (labels[i] + 1) % 10 : labels[i];
            drawings.add(new LabeledDigit("d" + i, label, pixels(i)));
        }
        EvaluationService personal = new EvaluationService(services.predictions(), services.store(),
                server.dataDir().resolve("unused.json"), () -> drawings);

        Evaluation evaluation = personal.evaluation(SHIPPED, EvaluationSet.PERSONAL);

        int right = 0;
        int[][] expected = new int[10][10];
        for (LabeledDigit drawing : drawings) {
            int digit = services.predictions().predictPixels(drawing.pixels(), SHIPPED, false).digit();
            expected[drawing.label()][digit]++;
            right += digit == drawing.label() ? 1 : 0;
        }
        assertThat(evaluation.count()).isEqualTo(30);
        assertThat(evaluation.confusion()).isDeepEqualTo(expected);
        assertThat(evaluation.accuracy()).isEqualTo(right / 30.0);
        assertThat(evaluation.recordedAccuracy()).isNull();
        assertThat(right).isLessThanOrEqualTo(28);
    }

    // ---- refusals ------------------------------------------------------------------------------

    static void refused(String path, int status, String... inMessage) {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
        assertThat(json(response).get("error").asText()).as(path).isNotBlank();
        for (String part : inMessage) {
            assertThat(json(response).get("error").asText()).as(path).contains(part);
        }
    }

    @Test
    void runsThatCannotBeEvaluatedAreRefusedWithAReason() {
        refused("/api/runs/20990101-000000-ffffff/evaluation", 404, "no run");
        refused("/api/runs/..%2F..%2Fetc/evaluation", 404);
        refused("/api/runs/" + LSTM_RUN + "/evaluation", 409, "only CNN runs");
        refused("/api/runs/" + FAILED_RUN + "/evaluation", 409, "failed");
        refused("/api/runs/" + RUN_WITHOUT_MODEL + "/evaluation", 409, "no saved model");
        refused("/api/runs/" + LSTM_RUN + "/mistakes", 409, "only CNN runs");
        refused("/api/runs/" + FAILED_RUN + "/evaluation/images?actual=1&predicted=1", 409, "failed");
        refused("/ui/runs/" + LSTM_RUN + "/evaluation", 409, "only CNN runs");
    }

    @Test
    void badQueryParametersAreRefusedByName() {
        String images = "/api/runs/" + SHIPPED + "/evaluation/images";
        refused(images + "?predicted=1", 400, "actual:");
        refused(images + "?actual=10&predicted=1", 400, "actual:");
        refused(images + "?actual=-1&predicted=1", 400, "actual:");
        refused(images + "?actual=1&predicted=x", 400, "predicted:");
        refused(images + "?actual=1&predicted=1&offset=-1", 400, "offset:");
        refused(images + "?actual=1&predicted=1&limit=201", 400, "limit:");
        refused("/api/runs/" + SHIPPED + "/mistakes?limit=1000", 400, "limit:");
        refused("/api/runs/" + SHIPPED + "/mistakes?offset=-5", 400, "offset:");
        refused("/api/runs/" + SHIPPED + "/evaluation?set=train", 400, "set:");
        assertThat(json(server.get(images + "?actual=10&predicted=1")).get("field").asText()).isEqualTo("actual");
    }

    // ---- fragments ----------------------------------------------------------------------------

    @Test
    void theFragmentHoldsTheHeatMapThePerClassTableAndTheGallery() {
        HttpResponse<String> response = server.htmxGet("/ui/runs/" + SHIPPED + "/evaluation");
        assertThat(response.statusCode()).isEqualTo(200);
        String html = response.body();
        assertThat(html.split("class=\"cm-button\"", -1)).hasSize(101);
        assertThat(html).contains("table class=\"per-class\"", "data-role=\"mistakes\"", "data-pixels=\"")
                .doesNotContain("style=");
        JsonNode top = ok("/api/runs/" + SHIPPED + "/mistakes?limit=1").get("items").get(0);
        assertThat(html).contains("href=\"/draw?mnist=test:" + top.get("index").asInt() + "&amp;run=" + SHIPPED + "\"");

        String cell = server.htmxGet("/ui/runs/" + SHIPPED + "/evaluation/images?actual=4&predicted=9").body();
        int total = matrix(ok("/api/runs/" + SHIPPED + "/evaluation"))[4][9];
        assertThat(cell).contains("4s read as 9: " + total);
        int tiles = cell.split("class=\"digit-tile\"", -1).length - 1;
        assertThat(tiles).isEqualTo(Math.min(total, 40));
        assertThat(cell.split("data-actual=\"4\"", -1)).hasSize(tiles + 1);
        assertThat(cell.split("data-predicted=\"9\"", -1)).hasSize(tiles + 1);
    }

    @Test
    void theRunPageLoadsTheEvaluationOnlyForAnEvaluableRun() {
        assertThat(server.get("/runs/" + OLD_RUN).body()).contains("hx-get=\"/ui/runs/" + OLD_RUN + "/evaluation\"");
        assertThat(server.get("/runs/" + LSTM_RUN).body()).doesNotContain("/evaluation\"");
        assertThat(server.get("/runs/" + FAILED_RUN).body()).doesNotContain("/evaluation\"");
        assertThat(server.get("/evaluation/" + SHIPPED).body()).contains("hx-get=\"/ui/runs/" + SHIPPED
                + "/evaluation\"");
        assertThat(server.get("/evaluation/" + LSTM_RUN).statusCode()).isEqualTo(409);
    }

    @Test
    void theShippedAnswersLieInTheDataDirectory() throws Exception {
        ok("/api/runs/" + SHIPPED + "/evaluation");
        Path file = server.dataDir().resolve("evaluations").resolve(SHIPPED + ".json");
        assertThat(Files.size(file)).as("bytes").isBetween(100_000L, 400_000L);
    }
}
