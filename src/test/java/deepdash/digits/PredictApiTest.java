package deepdash.digits;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.AppConfig;
import deepdash.json.Json;
import deepdash.mnist.IdxImages;
import deepdash.mnist.MnistData;
import deepdash.model.CnnSettings;
import deepdash.model.CnnSpec;
import deepdash.model.SeriesSettings;
import deepdash.protocol.RunConfig;
import deepdash.protocol.RunStatus;
import deepdash.support.TestServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /api/predict}, {@code GET /api/predict/models} and {@code GET /draw} over real HTTP. */
@Timeout(120)
class PredictApiTest {

    private static final String OLDER_RUN = "20260101-000000-aaaaaa";
    private static final String NEWER_RUN = "20260102-000000-bbbbbb";
    private static final String FAILED_RUN = "20260103-000000-cccccc";
    private static final String RUN_WITHOUT_MODEL = "20260104-000000-dddddd";
    private static final String LSTM_RUN = "20260105-000000-eeeeee";

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withData(PredictApiTest::writeRuns);
    static float[] seven;

    /** Runs as finished workers leave them, in every state a prediction must handle. */
    static void writeRuns(Path dataDir) {
        Path runs = dataDir.resolve("runs");
        TrainedRuns.completedCnn(runs, OLDER_RUN, 0.95);
        // Better than the shipped model's 98.7%, so it is the default; PredictionServiceTest covers a worse one.
        TrainedRuns.completedCnn(runs, NEWER_RUN, 0.99);
        TrainedRuns.write(runs, FAILED_RUN, CnnSpec.runConfig(CnnSettings.DEFAULTS), RunStatus.FAILED, null, true);
        TrainedRuns.write(runs, RUN_WITHOUT_MODEL, CnnSpec.runConfig(CnnSettings.DEFAULTS), RunStatus.COMPLETED,
                null, false);
        TrainedRuns.write(runs, LSTM_RUN, RunConfig.of("lstm", new SeriesSettings(5, 32, 0.001, "auto", "prices",
                "close", 60, null, null, null, null, null)), RunStatus.COMPLETED, null, true);
    }

    @BeforeAll
    static void loadADigit() {
        IdxImages images = MnistData.loadTestImages(null);
        seven = new float[DigitPreprocessor.PIXEL_COUNT];
        images.copyScaled(0, seven, 0);
    }

    // ---- answers ---------------------------------------------------------------------------

    @Test
    void predictsFromPixelsWithTheNewestCompletedRun() throws Exception {
        HttpResponse<String> response = server.postJson("/api/predict", "{\"pixels\":" + array(seven) + "}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        JsonNode answer = json(response);
        assertThat(answer.get("digit").asInt()).isEqualTo(7);
        assertThat(answer.get("run").asText()).isEqualTo(NEWER_RUN);
        assertThat(answer.get("probabilities")).hasSize(10);
        double sum = 0;
        for (JsonNode p : answer.get("probabilities")) {
            sum += p.asDouble();
        }
        assertThat(sum).isBetween(0.999999, 1.000001);
        assertThat(answer.get("input")).hasSize(784);
        assertThat(answer.get("input").get(7 * 28 + 10).floatValue()).isEqualTo(seven[7 * 28 + 10]);
        assertThat(answer.has("featureMaps")).isFalse();
    }

    @Test
    void predictsFromACanvasImageWithTheNamedModelAndItsFeatureMaps() throws Exception {
        String body = "{\"image\":\"" + DigitPngRenderer.toDataUrl(seven) + "\",\"run\":\"shipped-cnn\"}";

        HttpResponse<String> response = server.postJson("/api/predict?featureMaps=true", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.get("digit").asInt()).isEqualTo(7);
        assertThat(answer.get("run").asText()).isEqualTo("shipped-cnn");
        assertThat(answer.get("input")).hasSize(784);
        JsonNode maps = answer.get("featureMaps");
        assertThat(maps).hasSize(3);
        int[] filters = {32, 64, 64};
        int[] sides = {26, 11, 3};
        for (int i = 0; i < 3; i++) {
            JsonNode layer = maps.get(i);
            assertThat(layer.get("filters").asInt()).isEqualTo(filters[i]);
            assertThat(layer.get("heightPixels").asInt()).isEqualTo(sides[i]);
            assertThat(layer.get("widthPixels").asInt()).isEqualTo(sides[i]);
            assertThat(layer.get("maxActivations")).hasSize(filters[i]);
            byte[] levels = Base64.getDecoder().decode(layer.get("levels").asText());
            assertThat(levels).hasSize(filters[i] * sides[i] * sides[i]);
        }
        System.out.printf("prediction with feature maps: %,d bytes of JSON%n", response.body().length());
    }

    @Test
    void anOlderRunCanBeChosen() throws Exception {
        HttpResponse<String> response = server.postJson("/api/predict",
                "{\"pixels\":" + array(seven) + ",\"run\":\"" + OLDER_RUN + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("run").asText()).isEqualTo(OLDER_RUN);
    }

    @Test
    void anEmptyRunMeansTheDefaultModel() throws Exception {
        HttpResponse<String> response = server.postJson("/api/predict",
                "{\"pixels\":" + array(seven) + ",\"run\":\"\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("run").asText()).isEqualTo(NEWER_RUN);
    }

    @Test
    void listsCompletedCnnRunsNewestFirstThenTheShippedModel() throws Exception {
        HttpResponse<String> response = server.get("/api/predict/models");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode models = json(response);
        assertThat(models).hasSize(3);
        assertThat(models.get(0).get("id").asText()).isEqualTo(NEWER_RUN);
        assertThat(models.get(0).get("isDefault").asBoolean()).isTrue();
        assertThat(models.get(0).get("testAccuracy").asDouble()).isEqualTo(0.99);
        assertThat(models.get(0).get("createdAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(models.get(0).get("label").asText()).contains(NEWER_RUN);
        assertThat(models.get(1).get("id").asText()).isEqualTo(OLDER_RUN);
        assertThat(models.get(1).get("isDefault").asBoolean()).isFalse();
        assertThat(models.get(2).get("id").asText()).isEqualTo("shipped-cnn");
        assertThat(models.get(2).get("testAccuracy").asDouble()).isEqualTo(0.987);
    }

    @Test
    void theDrawPageOffersTheModelsAndIsLinkedFromTheNavigationAndTheCnnPage() {
        HttpResponse<String> page = server.get("/draw");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"draw-canvas\"", "id=\"probability-chart\"", "/static/js/draw.js")
                .contains("<option value=\"" + NEWER_RUN + "\" selected>")
                .contains("<option value=\"shipped-cnn\">Shipped CNN · 10 epochs on all 60,000 images · test accuracy 98.70%")
                .contains("<a href=\"/draw\" class=\"active\" aria-current=\"page\">Draw</a>")
                .doesNotContain("https://");
        assertThat(server.get("/cnn").body()).contains("<a href=\"/draw\" class=\"\">Draw</a>", "<a href=\"/draw\">");
        // The model list in the page's language; the API's label stays English.
        assertThat(server.get("/draw?lang=ko").body())
                .contains("<option value=\"shipped-cnn\">기본 제공 CNN · 이미지 전체 60,000장에서 10 에포크 학습 · ")
                .doesNotContain("Shipped CNN", "epochs on");
        assertThat(server.get("/api/predict/models").body()).contains("Shipped CNN · 10 epochs on all 60,000 images")
                .doesNotContain("labelText");
        assertThat(server.get("/static/js/draw.js").statusCode()).isEqualTo(200);
    }

    // ---- refusals: the pixels --------------------------------------------------------------

    @Test
    void refusesTheWrongNumberOfPixels() throws Exception {
        assertRefused(server.postJson("/api/predict", "{\"pixels\":" + array(new float[783]) + "}"),
                400, "pixels: expected 784 values (28x28), got 783");
        assertRefused(server.postJson("/api/predict", "{\"pixels\":[]}"),
                400, "pixels: expected 784 values (28x28), got 0");
    }

    @Test
    void refusesPixelsOutsideZeroToOne() throws Exception {
        assertRefused(server.postJson("/api/predict", "{\"pixels\":" + arrayWith(12, "1.5") + "}"),
                400, "pixels[12] = 1.5 is outside 0..1");
        assertRefused(server.postJson("/api/predict", "{\"pixels\":" + arrayWith(0, "-0.25") + "}"),
                400, "pixels[0] = -0.25 is outside 0..1");
        assertRefused(server.postJson("/api/predict", "{\"pixels\":" + arrayWith(3, "255") + "}"),
                400, "pixels[3] = 255.0 is outside 0..1");
    }

    @Test
    void refusesNanWhicheverWayItIsSpelled() throws Exception {
        // Python's json.dumps writes a bare NaN; JavaScript's JSON.stringify writes null.
        assertRefused(server.postJson("/api/predict", "{\"pixels\":" + arrayWith(5, "NaN") + "}"),
                400, "pixels[5] is NaN");
        assertRefused(server.postJson("/api/predict", "{\"pixels\":" + arrayWith(6, "Infinity") + "}"),
                400, "pixels[6] is infinite");
        assertRefused(server.postJson("/api/predict", "{\"pixels\":" + arrayWith(7, "null") + "}"),
                400, "pixels[7] is null (NaN in the sender, which JSON cannot carry?); expected a number in 0..1");
        assertRefused(server.postJson("/api/predict", "{\"pixels\":" + arrayWith(8, "\"0.5\"") + "}"),
                400, "pixels[8] is a string (\"0.5\"); expected a number in 0..1");
        assertRefused(server.postJson("/api/predict", "{\"pixels\":\"all black\"}"),
                400, "pixels: must be an array of 784 numbers in 0..1, got a string (\"all black\")");
    }

    // ---- refusals: the image ---------------------------------------------------------------

    @Test
    void refusesAnImageThatIsNotAPng() throws Exception {
        String gif = Base64.getEncoder().encodeToString("GIF89a\u0001\u0000\u0001\u0000"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(server.postJson("/api/predict", "{\"image\":\"data:image/png;base64," + gif + "\"}"),
                400, "image: not a PNG (expected a data:image/png;base64 URL)");
        assertRefused(server.postJson("/api/predict", "{\"image\":\"data:image/jpeg;base64,/9j/4AAQ\"}"),
                400, "image: not a PNG (expected a data:image/png;base64 URL)");
        assertRefused(server.postJson("/api/predict", "{\"image\":\"data:image/png;base64,@@@\"}"),
                400, "image: not valid base64 (expected a data:image/png;base64 URL)");
        assertRefused(server.postJson("/api/predict", "{\"image\":42}"),
                400, "image: must be a string (a data:image/png;base64 URL), got a number");
    }

    @Test
    void refusesAPngDeclaringHugeDimensionsBeforeDecodingIt() throws Exception {
        String bomb = GeneratedPngs.dataUrl(GeneratedPngs.headerOnly(100_000, 100_000));

        assertRefused(server.postJson("/api/predict", "{\"image\":\"" + bomb + "\"}"),
                400, "image: PNG declares 100000x100000 pixels; the limit is 1024x1024");
    }

    @Test
    void refusesAWellFormedLargeSixteenBitPngFromItsHeader() throws Exception {
        String large = GeneratedPngs.dataUrl(GeneratedPngs.rgba(2048, 2048, 16));

        assertRefused(server.postJson("/api/predict", "{\"image\":\"" + large + "\"}"),
                400, "image: PNG declares 2048x2048 pixels; the limit is 1024x1024");
    }

    @Test
    void refusesAnEmptyCanvas() throws Exception {
        String blank = DigitPngRenderer.toDataUrl(new BufferedImage(280, 280, BufferedImage.TYPE_INT_ARGB));

        assertRefused(server.postJson("/api/predict", "{\"image\":\"" + blank + "\"}"),
                400, "draw a digit first: the canvas is empty");
    }

    // ---- refusals: the request -------------------------------------------------------------

    @Test
    void refusesBodiesWithNeitherOrBothInputs() throws Exception {
        assertRefused(server.postJson("/api/predict", "{}"), 400, "body: has neither \"pixels\" nor \"image\"");
        assertRefused(server.postJson("/api/predict", "{\"run\":\"shipped-cnn\"}"),
                400, "body: has neither \"pixels\" nor \"image\"");
        assertRefused(server.postJson("/api/predict", "{\"pixels\":" + array(seven) + ",\"image\":\"x\"}"),
                400, "body: send either \"pixels\" or \"image\", not both");
        assertRefused(server.postJson("/api/predict", ""), 400, "body: is empty");
        assertRefused(server.postJson("/api/predict", "[1,2,3]"), 400, "body: expected a JSON object");
        assertRefused(server.postJson("/api/predict", "{\"pixels\":[0,"), 400, "body: not valid JSON");
        assertRefused(server.postJson("/api/predict", "{\"pixel\":[]}"), 400, "pixel: unknown field");
        assertRefused(server.postJson("/api/predict", "{\"pixels\":" + array(seven) + ",\"run\":7}"),
                400, "run: must be a string (a run id), got a number");
        assertRefused(server.postJson("/api/predict?featureMaps=maybe", "{\"pixels\":" + array(seven) + "}"),
                400, "featureMaps: must be true or false, got \"maybe\"");
    }

    @Test
    void anUnknownRunIsNotFound() throws Exception {
        assertRefused(server.postJson("/api/predict", "{\"pixels\":" + array(seven) + ",\"run\":\"20990101-000000-ffffff\"}"),
                404, "no run with id \"20990101-000000-ffffff\"");
        assertRefused(server.postJson("/api/predict", "{\"pixels\":" + array(seven) + ",\"run\":\"../../etc/passwd\"}"),
                404, "no run with id \"../../etc/passwd\"");
    }

    @Test
    void aRunThatCannotPredictIsAConflict() throws Exception {
        assertRefused(server.postJson("/api/predict", "{\"pixels\":" + array(seven) + ",\"run\":\"" + FAILED_RUN + "\"}"),
                409, "run " + FAILED_RUN + " is failed; only a completed run's model can predict");
        assertRefused(server.postJson("/api/predict", "{\"pixels\":" + array(seven) + ",\"run\":\"" + RUN_WITHOUT_MODEL + "\"}"),
                409, "run " + RUN_WITHOUT_MODEL + " has no saved model to predict with");
        assertRefused(server.postJson("/api/predict", "{\"pixels\":" + array(seven) + ",\"run\":\"" + LSTM_RUN + "\"}"),
                409, "run " + LSTM_RUN + " trained a lstm model; only CNN runs can read digits");
    }

    @Test
    void aBodyDeclaredOverTheLimitAndNeverSentIsRefusedAfterAPause() throws Exception {
        // Only the headers are sent: the answer comes from Content-Length alone, once the server has
        // waited BodyDrain's pause for a body that does not come (not the idle timeout).
        long start = System.nanoTime();
        RawResponse response = headersOnly("/api/predict", 2_200_014);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(Json.mapper().readTree(response.body()).get("error").asText())
                .isEqualTo("body: is 2,200,014 bytes; a prediction request may be at most 2,097,152 bytes");
    }

    @Test
    void aChunkedBodyOverTheLimitIsTooLargeOnceRead() throws Exception {
        String body = "{\"pixels\":[" + "0,".repeat(1_100_000) + "0]}";
        assertThat(body.length()).isEqualTo(2_200_014).isGreaterThan(2 * 1024 * 1024);

        // No Content-Length: the body is read (the server-wide limit caps that) and then measured.
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/predict"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build());

        assertRefused(response, 413, "body: is 2,200,014 bytes; a prediction request may be at most 2,097,152 bytes");
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() throws Exception {
        // 784 pixels padded with spaces to just under 2 MB: not refused for its size.
        String pixels = "{\"pixels\":" + array(seven) + "}";
        String body = pixels + " ".repeat(2 * 1024 * 1024 - pixels.length());

        HttpResponse<String> response = server.postJson("/api/predict", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void javalinsServerWideLimitAlsoAnswers413() throws Exception {
        // AppConfig.maxUploadBytes (20 MB by default) guards every route through Javalin's
        // maxRequestSize. Javalin reads up to the limit before refusing, so one byte over is sent:
        // nothing is left unread to make the connection close under the answer.
        byte[] body = new byte[(int) AppConfig.DEFAULT_MAX_UPLOAD_BYTES + 1];
        Arrays.fill(body, (byte) ' ');

        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/runs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private record RawResponse(int statusCode, String body) {
    }

    /**
     * Sends a POST's headers declaring {@code contentLengthBytes} and no body, then reads the answer.
     * A real client streaming that much could see the connection close before it reads the 413 (the
     * usual fate of an early answer to an upload), so the test leaves the body out rather than race.
     */
    private static RawResponse headersOnly(String path, long contentLengthBytes) throws Exception {
        URI uri = URI.create(server.baseUrl());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + contentLengthBytes + "\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(response.indexOf(' ') + 1, response.indexOf(' ') + 4));
            return new RawResponse(status, response.substring(response.indexOf("\r\n\r\n") + 4));
        }
    }

    private static void assertRefused(HttpResponse<String> response, int status, String messageStart)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).get("error").asText()).startsWith(messageStart);
    }


    private static String array(float[] values) {
        StringJoiner joined = new StringJoiner(",", "[", "]");
        for (float value : values) {
            joined.add(Float.toString(value));
        }
        return joined.toString();
    }

    /** 784 zeros with {@code raw} (any JSON text) at {@code index}. */
    private static String arrayWith(int index, String raw) {
        List<String> values = new ArrayList<>(Collections.nCopies(784, "0"));
        values.set(index, raw);
        return "[" + String.join(",", values) + "]";
    }
}
