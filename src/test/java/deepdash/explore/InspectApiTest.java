package deepdash.explore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.AppConfig;
import deepdash.json.Json;
import deepdash.support.Multipart;
import deepdash.support.TestServer;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/images/inspect} on the real app, as a multipart upload and as a JSON data URL. */
class InspectApiTest {

    static final String INSPECT = "/api/images/inspect";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    static HttpResponse<String> upload(byte[] file) {
        return server.send(Multipart.upload(server.baseUrl() + INSPECT, "file", "image", file));
    }

    static HttpResponse<String> postDataUrl(String dataUrl) {
        return server.postJson(INSPECT, Json.write(Map.of("image", dataUrl)));
    }

    static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestServer.json(response);
    }

    static List<String> names(JsonNode inspection) {
        List<String> names = new ArrayList<>();
        inspection.get("channels").forEach(channel -> names.add(channel.get("name").asText()));
        return names;
    }

    @Test
    void anRgbPngHasThreeChannelsAndItsRangeBothWays() {
        byte[] png = TestImages.png(TestImages.rgb32());
        for (JsonNode inspection : List.of(ok(upload(png)), ok(postDataUrl(TestImages.dataUrl("image/png", png))))) {
            assertThat(inspection.get("shape").toString()).isEqualTo("[32,32,3]");
            assertThat(inspection.get("min").asInt()).isZero();
            assertThat(inspection.get("max").asInt()).isEqualTo(255);
            assertThat(inspection.get("hasAlpha").asBoolean()).isFalse();
            assertThat(inspection.get("format").asText()).isEqualTo("png");
            assertThat(names(inspection)).containsExactly("R", "G", "B");
            JsonNode channels = inspection.get("channels");
            assertThat(range(channels.get(0))).containsExactly(0, 248);
            assertThat(range(channels.get(1))).containsExactly(7, 255);
            assertThat(range(channels.get(2))).containsExactly(100, 100);
            // Small images are previewed at full size: red's preview is 8x in each row.
            assertThat(inspection.get("preview").toString()).isEqualTo("{\"width\":32,\"height\":32,\"scale\":1,"
                    + "\"downscaled\":false}");
            byte[] red = Base64.getDecoder().decode(channels.get(0).get("pixels").asText());
            assertThat(red).hasSize(32 * 32);
            assertThat(red[5 * 32 + 3] & 0xff).isEqualTo(24);
        }
    }

    @Test
    void aGreyPngHasOneChannel() {
        JsonNode inspection = ok(upload(TestImages.png(TestImages.grey32())));
        assertThat(inspection.get("shape").toString()).isEqualTo("[32,32,1]");
        assertThat(names(inspection)).containsExactly("grey");
        assertThat(inspection.get("min").asInt()).isEqualTo(20);
        assertThat(inspection.get("max").asInt()).isEqualTo(82);
        assertThat(inspection.get("hasAlpha").asBoolean()).isFalse();
        assertThat(inspection.get("notes").toString()).contains("a grey image");
    }

    @Test
    void anRgbaPngHasAlphaAndFourChannels() {
        JsonNode inspection = ok(upload(TestImages.png(TestImages.rgba())));
        assertThat(inspection.get("shape").toString()).isEqualTo("[16,24,4]");
        assertThat(inspection.get("hasAlpha").asBoolean()).isTrue();
        assertThat(names(inspection)).containsExactly("R", "G", "B", "A");
        assertThat(range(inspection.get("channels").get(0))).containsExactly(10, 10);
        assertThat(range(inspection.get("channels").get(3))).containsExactly(0, 255);
        assertThat(inspection.get("min").asInt()).isZero();
        assertThat(inspection.get("max").asInt()).isEqualTo(255);
        assertThat(inspection.get("notes").toString()).contains("alpha");
    }

    @Test
    void aPalettePngIsReportedExpandedToRgbAndSaysSo() {
        JsonNode inspection = ok(upload(TestImages.png(TestImages.palette())));
        assertThat(inspection.get("shape").toString()).isEqualTo("[8,8,3]");
        assertThat(inspection.get("palette").asBoolean()).isTrue();
        assertThat(names(inspection)).containsExactly("R", "G", "B");
        assertThat(range(inspection.get("channels").get(2))).containsExactly(0, 255);
        assertThat(inspection.get("notes").toString()).contains("palette");
    }

    @Test
    void aJpegWorksBothWays() {
        byte[] jpeg = TestImages.jpeg(TestImages.rgb32());
        for (JsonNode inspection : List.of(ok(upload(jpeg)), ok(postDataUrl(TestImages.dataUrl("image/jpeg", jpeg))))) {
            assertThat(inspection.get("format").asText()).isEqualTo("jpeg");
            assertThat(inspection.get("shape").toString()).isEqualTo("[32,32,3]");
            assertThat(names(inspection)).containsExactly("R", "G", "B");
            // Lossy, but the blue channel stays near 100 and the range covers most of 0..255.
            JsonNode blue = inspection.get("channels").get(2);
            assertThat(blue.get("min").asInt()).isBetween(60, 110);
            assertThat(blue.get("max").asInt()).isBetween(90, 140);
            assertThat(inspection.get("min").asInt()).isBetween(0, 20);
            assertThat(inspection.get("max").asInt()).isBetween(235, 255);
        }
        JsonNode grey = ok(upload(TestImages.jpeg(TestImages.grey32())));
        assertThat(grey.get("shape").toString()).isEqualTo("[32,32,1]");
    }

    @Test
    void aLargeImageIsPreviewedDownscaledAndSaysSo() {
        BufferedImage wide = new BufferedImage(1000, 600, BufferedImage.TYPE_INT_RGB);
        wide.setRGB(999, 599, 0xffffff);
        JsonNode inspection = ok(upload(TestImages.png(wide)));
        assertThat(inspection.get("shape").toString()).isEqualTo("[600,1000,3]");
        assertThat(inspection.get("max").asInt()).isEqualTo(255);
        JsonNode preview = inspection.get("preview");
        assertThat(preview.get("scale").asInt()).isEqualTo(4);
        assertThat(preview.get("width").asInt()).isEqualTo(250);
        assertThat(preview.get("height").asInt()).isEqualTo(150);
        assertThat(preview.get("downscaled").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(inspection.get("channels").get(0).get("pixels").asText()))
                .hasSize(250 * 150);
        assertThat(inspection.get("notes").toString()).contains("downscaled");
        assertThat(server.send(Multipart.upload(server.baseUrl() + INSPECT, "file", "x", TestImages.png(wide)))
                .body().length()).isLessThan(200_000);
    }

    @Test
    void garbageIsRefusedNamingTheField() {
        HttpResponse<String> garbage = upload("this is not an image at all".getBytes());
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(garbage).get("field").asText()).isEqualTo("file");
        assertThat(TestServer.json(garbage).get("error").asText()).contains("not a PNG or JPEG");

        byte[] truncated = TestImages.png(TestImages.rgb32());
        truncated = Arrays.copyOf(truncated, truncated.length / 2);
        assertThat(upload(truncated).statusCode()).isEqualTo(400);
        byte[] brokenJpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3, 4, 5};
        HttpResponse<String> jpeg = upload(brokenJpeg);
        assertThat(jpeg.statusCode()).as(jpeg.body()).isEqualTo(400);
        assertThat(upload(new byte[0]).statusCode()).isEqualTo(400);
        HttpResponse<String> wrongField = server.send(Multipart.upload(server.baseUrl() + INSPECT, "picture", "x.png",
                TestImages.png(TestImages.grey32())));
        expect(wrongField, 400, "file");
        assertThat(TestServer.json(wrongField).get("error").asText()).contains("multipart field named \"file\"");

        expect(postDataUrl("data:image/png;base64,%%%"), 400, "image");
        expect(postDataUrl("data:text/plain;base64,aGVsbG8="), 400, "image");
        expect(postDataUrl(TestImages.dataUrl("image/png", "garbage bytes".getBytes())), 400, "image");
        expect(server.postJson(INSPECT, "{\"image\": 3}"), 400, "image");
        expect(server.postJson(INSPECT, "{\"picture\": \"x\"}"), 400, "picture");
        expect(server.postJson(INSPECT, "not json"), 400, "body");
        expect(server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + INSPECT))
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestImages.png(TestImages.grey32()))).build()),
                400, "body");
    }

    @Test
    void imagesDeclaringTooManyPixelsAreRefusedBeforeDecoding() {
        HttpResponse<String> wide = upload(TestImages.pngHeaderOnly(20_000, 10));
        expect(wide, 400, "file");
        assertThat(TestServer.json(wide).get("error").asText()).contains("20,000 x 10", "8,192");
        HttpResponse<String> many = upload(TestImages.pngHeaderOnly(5000, 5000));
        expect(many, 400, "file");
        assertThat(TestServer.json(many).get("error").asText()).contains("megapixels");
        expect(postDataUrl(TestImages.dataUrl("image/png", TestImages.pngHeaderOnly(0, 5))), 400, "image");
    }

    @Test
    void oversizedBodiesGet413() {
        byte[] big = new byte[11 * 1024 * 1024];
        big[0] = (byte) 0x89;
        HttpResponse<String> file = upload(big);
        assertThat(file.statusCode()).isEqualTo(413);
        assertThat(TestServer.json(file).get("field").asText()).isEqualTo("file");
        HttpResponse<String> json = postDataUrl(TestImages.dataUrl("image/png", big));
        assertThat(json.statusCode()).isEqualTo(413);
        assertThat(TestServer.json(json).get("field").asText()).isEqualTo("image");
        HttpResponse<String> chunked = server.send(Multipart.uploadChunked(server.baseUrl() + INSPECT, "file", "x",
                big));
        assertThat(chunked.statusCode()).isEqualTo(413);
        // The server still answers.
        assertThat(ok(upload(TestImages.png(TestImages.grey32()))).get("shape").toString()).isEqualTo("[32,32,1]");
    }

    @Test
    void aPostFromAnotherOriginIsRefused() {
        byte[] png = TestImages.png(TestImages.rgb32());
        HttpRequest upload = Multipart.upload(server.baseUrl() + INSPECT, "file", "x.png", png);
        HttpResponse<String> foreign = server.send(HttpRequest.newBuilder(upload, (name, value) -> true)
                .header("Origin", "http://evil.example").build());
        assertThat(foreign.statusCode()).isEqualTo(403);
        HttpResponse<String> json = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + INSPECT))
                .header("Origin", "http://evil.example").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("image",
                        TestImages.dataUrl("image/png", png))))).build());
        assertThat(json.statusCode()).isEqualTo(403);
        HttpResponse<String> same = server.send(HttpRequest.newBuilder(upload, (name, value) -> true)
                .header("Origin", server.baseUrl()).build());
        assertThat(same.statusCode()).isEqualTo(200);
    }

    @Test
    void withATokenConfiguredTheRoutesNeedIt(@TempDir Path dataDir) {
        String token = "explore-token-0123456789abcdef";
        try (TestServer guarded = TestServer.start(AppConfig.forTests(dataDir).withToken(token))) {
            byte[] png = TestImages.png(TestImages.grey32());
            HttpRequest upload = Multipart.upload(guarded.baseUrl() + INSPECT, "file", "x.png", png);
            assertThat(guarded.send(upload).statusCode()).isEqualTo(401);
            assertThat(guarded.get("/api/mnist/test/0").statusCode()).isEqualTo(401);
            assertThat(guarded.get("/data").statusCode()).isEqualTo(401);
            HttpResponse<String> withToken = guarded.send(HttpRequest.newBuilder(upload, (name, value) -> true)
                    .header("Authorization", "Bearer " + token).build());
            assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
        }
    }

    private static List<Integer> range(JsonNode channel) {
        return List.of(channel.get("min").asInt(), channel.get("max").asInt());
    }

    private static void expect(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(TestServer.json(response).get("field").asText()).as(response.body()).isEqualTo(field);
    }
}
