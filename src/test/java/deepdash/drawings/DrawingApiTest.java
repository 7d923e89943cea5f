package deepdash.drawings;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.AppServices;
import deepdash.digits.CanvasImageDecoder;
import deepdash.digits.DigitPngRenderer;
import deepdash.digits.DigitPreprocessor;
import deepdash.digits.Prediction;
import deepdash.digits.PredictionService;
import deepdash.digits.TrainedRuns;
import deepdash.json.Json;
import deepdash.mnist.IdxImages;
import deepdash.mnist.MnistData;
import deepdash.support.TestServer;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The personal test set over real HTTP: the API, the My digits page and its fragments. */
@Timeout(120)
class DrawingApiTest {

    private static final String RUN = "20260101-000000-aaaaaa";
    private static AppServices services;

    @RegisterExtension
    static final TestServer server = TestServer.perClass((config, builder) -> {
        services = builder.build();
        return services;
    }).withData(dir -> TrainedRuns.completedCnn(dir.resolve("runs"), RUN, 0.95));

    private static IdxImages testImages;
    private static byte[] testLabels;

    @BeforeAll
    static void loadMnist() {
        testImages = MnistData.loadTestImages(null);
        testLabels = MnistData.loadTestLabels(null);
    }

    @BeforeEach
    void startEmpty() {
        for (JsonNode drawing : json(server.get("/api/drawings"))) {
            assertThat(server.delete("/api/drawings/" + drawing.get("id").asText()).statusCode()).isEqualTo(204);
        }
    }

    private static float[] mnist(int index) {
        float[] pixels = new float[DigitPreprocessor.PIXEL_COUNT];
        testImages.copyScaled(index, pixels, 0);
        return pixels;
    }

    /** MNIST test image {@code index} as the draw page's canvas would export it. */
    private static String canvas(int index) {
        return DigitPngRenderer.toDataUrl(mnist(index));
    }

    private static String body(String image, Object label) {
        Map<String, Object> body = new HashMap<>();
        body.put("image", image);
        body.put("label", label);
        return Json.write(body);
    }

    private static HttpResponse<String> save(String image, Object label) {
        return server.postJson("/api/drawings", body(image, label));
    }

    private static JsonNode saved(int mnistIndex, int label) {
        HttpResponse<String> response = save(canvas(mnistIndex), label);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    private static HttpResponse<String> patch(String path, String contentType, String body, boolean htmx) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return server.send(request.build());
    }

    private static HttpResponse<String> htmxDelete(String path) {
        return server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("HX-Request", "true")
                .DELETE().build());
    }

    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }

    // ---- saving ----------------------------------------------------------------------------

    @Test
    void aSaveAnswers201WithTheDrawingAndItsInputIsWhatPredictFeedsTheModel() throws Exception {
        String image = canvas(0);

        HttpResponse<String> response = save(image, 7);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode drawing = json(response);
        String id = drawing.get("id").asText();
        assertThat(id).matches("[0-9a-f]{16}");
        assertThat(drawing.get("label").asInt()).isEqualTo(7);
        assertThat(drawing.get("createdAt").asText()).endsWith("Z");
        assertThat(drawing.get("imageUrl").asText()).isEqualTo("/api/drawings/" + id + "/image");
        assertThat(response.headers().firstValue("Location")).hasValue("/api/drawings/" + id);
        float[] stored = floats(drawing.get("input"));
        assertThat(stored).hasSize(784);

        // The same 28x28 as the preprocessing of /api/predict, up to the four decimals kept on disk...
        float[] expected = new DigitPreprocessor().toMnistPixels(new CanvasImageDecoder().decode(image));
        float[] predicted = floats(json(server.postJson("/api/predict", "{\"image\":\"" + image + "\"}"))
                .get("input"));
        for (int i = 0; i < 784; i++) {
            assertThat(stored[i]).as("pixel %d", i).isCloseTo(expected[i], within(0.00005f));
            assertThat(stored[i]).as("pixel %d", i).isCloseTo(predicted[i], within(0.00005f));
        }
        // ... and the folder holds the PNG exactly as sent.
        byte[] sent = Base64.getDecoder().decode(image.substring(image.indexOf(',') + 1));
        HttpResponse<byte[]> png = server.getBytes("/api/drawings/" + id + "/image");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.body()).isEqualTo(sent);
        assertThat(server.dataDir().resolve("drawings").resolve(id + ".png")).hasBinaryContent(sent);

        JsonNode one = json(server.get("/api/drawings/" + id));
        assertThat(one.get("label").asInt()).isEqualTo(7);
        assertThat(floats(one.get("input"))).containsExactly(stored);
        JsonNode list = json(server.get("/api/drawings"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asText()).isEqualTo(id);
        assertThat(list.get(0).has("input")).as("lists stay light").isFalse();
    }

    @Test
    void relabelAndDeleteAndUnknownIdsGet404() {
        String id = saved(0, 1).get("id").asText();

        HttpResponse<String> relabelled = patch("/api/drawings/" + id, "application/json", "{\"label\":7}", false);

        assertThat(relabelled.statusCode()).as(relabelled.body()).isEqualTo(200);
        assertThat(json(relabelled).get("label").asInt()).isEqualTo(7);
        assertThat(json(server.get("/api/drawings/" + id)).get("label").asInt()).isEqualTo(7);

        assertThat(server.delete("/api/drawings/" + id).statusCode()).isEqualTo(204);
        assertThat(json(server.get("/api/drawings"))).isEmpty();
        for (HttpResponse<String> missing : List.of(server.get("/api/drawings/" + id),
                server.get("/api/drawings/" + id + "/image"), server.delete("/api/drawings/" + id),
                patch("/api/drawings/" + id, "application/json", "{\"label\":2}", false),
                server.get("/api/drawings/not-an-id"), server.delete("/api/drawings/..%2F..%2Fruns"))) {
            assertThat(missing.statusCode()).as(missing.uri() + " " + missing.body()).isEqualTo(404);
            assertThat(json(missing).get("field").asText()).isEqualTo("id");
            assertThat(json(missing).get("error").asText()).startsWith("no drawing with id");
        }
    }

    @Test
    void badLabelsAndImagesGet400NamingTheFieldAndStoreNothing() {
        String image = canvas(0);
        BufferedImage tooLarge = new BufferedImage(CanvasImageDecoder.DEFAULT_MAX_SIDE_PIXELS + 1,
                CanvasImageDecoder.DEFAULT_MAX_SIDE_PIXELS + 1, BufferedImage.TYPE_INT_ARGB);
        String empty = DigitPngRenderer.toDataUrl(new float[784]);
        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put(body(image, 10), "label");
        refusals.put(body(image, -1), "label");
        refusals.put(body(image, "x"), "label");
        refusals.put(body(image, 4.5), "label");
        refusals.put(body(image, null), "label");
        refusals.put("{\"image\":\"" + image + "\"}", "label");
        refusals.put("{\"label\":3}", "image");
        refusals.put(body("", 3), "image");
        refusals.put(body("hello", 3), "image");
        refusals.put(body("data:text/plain;base64,aGVsbG8=", 3), "image");
        refusals.put(body("data:image/png;base64,!!!", 3), "image");
        refusals.put("{\"image\":5,\"label\":3}", "image");
        refusals.put(body(empty, 3), "image");
        refusals.put(body(DigitPngRenderer.toDataUrl(tooLarge), 3), "image");
        refusals.put("{\"image\":\"" + image + "\",\"label\":3,\"run\":\"x\"}", "run");
        refusals.put("", "body");
        refusals.put("[1,2]", "body");

        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            HttpResponse<String> response = server.postJson("/api/drawings", refusal.getKey());
            String shown = refusal.getKey().length() > 80 ? refusal.getKey().substring(0, 80) : refusal.getKey();
            assertThat(response.statusCode()).as(shown + " -> " + response.body()).isEqualTo(400);
            assertThat(json(response).get("field").asText()).as(shown).isEqualTo(refusal.getValue());
            assertThat(json(response).get("error").asText()).as(shown).isNotBlank();
        }
        assertThat(json(server.get("/api/drawings"))).isEmpty();
        assertThat(json(save(image, 10)).get("error").asText()).isEqualTo("label: must be a digit 0 to 9, got 10");

        // An empty canvas and an oversized image get the very refusal /api/predict gives.
        for (String refused : List.of(empty, DigitPngRenderer.toDataUrl(tooLarge))) {
            HttpResponse<String> predict = server.postJson("/api/predict", "{\"image\":\"" + refused + "\"}");
            HttpResponse<String> drawing = save(refused, 3);
            assertThat(drawing.statusCode()).isEqualTo(predict.statusCode()).isEqualTo(400);
            assertThat(json(drawing).get("error").asText()).isEqualTo(json(predict).get("error").asText());
        }
        assertThat(json(save(empty, 3)).get("error").asText()).contains("canvas is empty");

        String id = saved(0, 7).get("id").asText();
        for (String relabel : List.of("{\"label\":10}", "{\"label\":\"x\"}", "{}", "{\"label\":null}")) {
            HttpResponse<String> response = patch("/api/drawings/" + id, "application/json", relabel, false);
            assertThat(response.statusCode()).as(relabel).isEqualTo(400);
            assertThat(json(response).get("field").asText()).as(relabel).isEqualTo("label");
        }
        assertThat(json(server.get("/api/drawings/" + id)).get("label").asInt()).isEqualTo(7);
    }

    @Test
    void aBodyOverTheLimitGets413() {
        String huge = "{\"image\":\"data:image/png;base64," + "A".repeat(3 * 1024 * 1024) + "\",\"label\":1}";
        HttpResponse<String> response = server.postJson("/api/drawings", huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("field").asText()).isEqualTo("body");
    }

    // ---- scores ----------------------------------------------------------------------------

    @Test
    void theScoreTableAgreesWithPredictionsMadeOneByOneForEveryModel() {
        // Eight MNIST digits, two of them saved with a label that is not what they show.
        List<JsonNode> drawings = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int label = i < 2 ? (testLabels[i] + 1) % 10 : testLabels[i];
            drawings.add(saved(i, label));
        }

        HttpResponse<String> response = server.htmxGet("/ui/drawings/scores");

        assertThat(response.statusCode()).isEqualTo(200);
        String html = response.body();
        for (String model : List.of(RUN, PredictionService.SHIPPED_MODEL_ID)) {
            int correct = 0;
            List<String> missed = new ArrayList<>();
            for (JsonNode drawing : drawings) {
                Prediction prediction = services.predictions().predictPixels(floats(drawing.get("input")), model,
                        false);
                if (prediction.digit() == drawing.get("label").asInt()) {
                    correct++;
                } else {
                    missed.add(drawing.get("id").asText() + ":" + prediction.digit());
                }
            }
            assertThat(missed).as(model).hasSizeGreaterThanOrEqualTo(2);
            Matcher row = Pattern.compile("<tr data-model=\"" + Pattern.quote(model)
                    + "\" data-correct=\"(\\d+)\" data-total=\"(\\d+)\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
            assertThat(row.find()).as(model + " row in " + html).isTrue();
            assertThat(Integer.parseInt(row.group(1))).as(model).isEqualTo(correct);
            assertThat(Integer.parseInt(row.group(2))).as(model).isEqualTo(8);
            assertThat(row.group(3)).contains(correct + " / 8");
            List<String> shownMisses = new ArrayList<>();
            Matcher miss = Pattern.compile("data-drawing=\"([0-9a-f]{16})\" data-read=\"(\\d)\"").matcher(row.group(3));
            while (miss.find()) {
                shownMisses.add(miss.group(1) + ":" + miss.group(2));
            }
            assertThat(shownMisses).as(model).containsExactlyInAnyOrderElementsOf(missed);
        }
        // The run's row comes first, with its MNIST test accuracy beside.
        assertThat(html.indexOf("data-model=\"" + RUN + "\"")).isLessThan(html.indexOf("data-model=\"shipped-cnn\""));
        assertThat(html).contains("95.0%");
    }

    @Test
    void theRunsPersonalEvaluationIsTheSavedDrawings() {
        List<JsonNode> drawings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            drawings.add(saved(i, i == 0 ? (testLabels[0] + 1) % 10 : testLabels[i]));
        }
        for (String model : List.of(RUN, PredictionService.SHIPPED_MODEL_ID)) {
            int correct = 0;
            int[][] confusion = new int[10][10];
            for (JsonNode drawing : drawings) {
                int read = services.predictions().predictPixels(floats(drawing.get("input")), model, false).digit();
                confusion[drawing.get("label").asInt()][read]++;
                correct += read == drawing.get("label").asInt() ? 1 : 0;
            }
            JsonNode personal = json(server.get("/api/runs/" + model + "/evaluation?set=personal"));
            assertThat(personal.get("count").asInt()).as(model).isEqualTo(6);
            assertThat(personal.get("accuracy").asDouble()).as(model).isEqualTo(correct / 6.0);
            for (int actual = 0; actual < 10; actual++) {
                for (int predicted = 0; predicted < 10; predicted++) {
                    assertThat(personal.get("confusion").get(actual).get(predicted).asInt())
                            .as(model + " " + actual + "->" + predicted).isEqualTo(confusion[actual][predicted]);
                }
            }
        }
        // Deleting one takes it out of the next evaluation.
        server.delete("/api/drawings/" + drawings.get(0).get("id").asText());
        assertThat(json(server.get("/api/runs/" + RUN + "/evaluation?set=personal")).get("count").asInt())
                .isEqualTo(5);
    }

    @Test
    void theScoreTableSaysSoWhenThereIsNothingToScore() {
        String html = server.htmxGet("/ui/drawings/scores").body();
        assertThat(html).contains("id=\"scores-empty\"").doesNotContain("<table");
    }

    // ---- the page and its fragments --------------------------------------------------------

    @Test
    void thePageShowsHowToAddDrawingsWhenThereAreNone() {
        HttpResponse<String> page = server.get("/draw/mine");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("My digits", "id=\"drawings-empty\"", "Save with label",
                "hx-get=\"/ui/drawings/scores\"", "/static/js/my-digits.js")
                .contains("class=\"active\" aria-current=\"page\">My digits</a>");
    }

    @Test
    void thePageListsTilesAndHtmxRelabelsAndDeletesThem() {
        String first = saved(0, 7).get("id").asText();
        String second = saved(1, 2).get("id").asText();

        String page = server.get("/draw/mine").body();
        assertThat(page).contains("id=\"drawing-" + first + "\"", "id=\"drawing-" + second + "\"",
                "2 drawings (at most 1,000)").doesNotContain("id=\"drawings-empty\"");
        assertThat(page.indexOf("drawing-" + second)).as("newest first").isLessThan(page.indexOf("drawing-" + first));

        HttpResponse<String> tile = patch("/ui/drawings/" + first, "application/x-www-form-urlencoded", "label=4",
                true);
        assertThat(tile.statusCode()).as(tile.body()).isEqualTo(200);
        assertThat(tile.headers().firstValue("HX-Trigger")).hasValue(DrawingController.CHANGED_EVENT);
        assertThat(tile.body()).startsWith("<li class=\"drawing-tile\" id=\"drawing-" + first + "\"")
                .contains("data-label=\"4\"", "<option value=\"4\" selected>");
        assertThat(json(server.get("/api/drawings/" + first)).get("label").asInt()).isEqualTo(4);

        HttpResponse<String> badLabel = patch("/ui/drawings/" + first, "application/x-www-form-urlencoded",
                "label=x", true);
        assertThat(badLabel.statusCode()).isEqualTo(400);
        assertThat(badLabel.body()).contains("class=\"error\"", "label");

        HttpResponse<String> grid = htmxDelete("/ui/drawings/" + first);
        assertThat(grid.statusCode()).isEqualTo(200);
        assertThat(grid.headers().firstValue("HX-Trigger")).hasValue(DrawingController.CHANGED_EVENT);
        assertThat(grid.body()).startsWith("<div id=\"drawing-grid\"").contains("drawing-" + second, "1 drawing (")
                .doesNotContain("drawing-" + first);
        assertThat(htmxDelete("/ui/drawings/" + second).body()).contains("id=\"drawings-empty\"");
        assertThat(htmxDelete("/ui/drawings/" + second).statusCode()).isEqualTo(404);
    }

    @Test
    void theDrawPageOffersALabelAndTheSaveButton() {
        String page = server.get("/draw").body();
        assertThat(page).contains("id=\"draw-label\"", "id=\"draw-save-button\"", "data-save-url=\"/api/drawings\"",
                "data-mine-url=\"/draw/mine\"", "<option value=\"\" selected>");
    }
}
