package deepdash.explore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.mnist.MnistData;
import deepdash.support.TestServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The MNIST browser's API on the real app: one digit as its matrix, pages of digits, and refusals. */
class MnistApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestServer.json(response);
    }

    @Test
    void testDigitZeroIsASevenAsA28By28MatrixWithItsOwnRange() {
        long started = System.nanoTime();
        JsonNode digit = ok(server.get("/api/mnist/test/0"));
        System.out.printf("first GET /api/mnist/test/0 (loads the test split): %d ms%n",
                (System.nanoTime() - started) / 1_000_000);

        assertThat(digit.get("index").asInt()).isZero();
        assertThat(digit.get("label").asInt()).isEqualTo(7);
        assertThat(digit.get("shape").toString()).isEqualTo("[28,28]");
        assertThat(digit.get("min").asInt()).isZero();
        assertThat(digit.get("max").asInt()).isEqualTo(255);
        JsonNode rows = digit.get("pixels");
        assertThat(rows.size()).isEqualTo(28);
        byte[] raw = MnistData.loadTestImages(null).image(0);
        int min = 255;
        int max = 0;
        for (int r = 0; r < 28; r++) {
            assertThat(rows.get(r).size()).as("row " + r).isEqualTo(28);
            for (int c = 0; c < 28; c++) {
                JsonNode value = rows.get(r).get(c);
                assertThat(value.isInt()).isTrue();
                assertThat(value.asInt()).isEqualTo(raw[r * 28 + c] & 0xff);
                min = Math.min(min, value.asInt());
                max = Math.max(max, value.asInt());
            }
        }
        assertThat(min).isEqualTo(digit.get("min").asInt());
        assertThat(max).isEqualTo(digit.get("max").asInt());
    }

    @Test
    void minAndMaxAreThoseOfTheImageAsked() {
        // Some digits never reach 255: find one in the first page and check the API says so.
        byte[] images = MnistData.loadTestImages(null).pixels();
        int faint = -1;
        int faintMax = 0;
        for (int index = 0; index < 10_000 && faint < 0; index++) {
            int max = 0;
            for (int i = 0; i < 784; i++) {
                max = Math.max(max, images[index * 784 + i] & 0xff);
            }
            if (max < 255) {
                faint = index;
                faintMax = max;
            }
        }
        assertThat(faint).as("a test digit whose brightest pixel is below 255").isNotNegative();
        JsonNode digit = ok(server.get("/api/mnist/test/" + faint));
        assertThat(digit.get("max").asInt()).isEqualTo(faintMax);
    }

    @Test
    void theLabelFilterReturnsOnlyThatLabelAndCountsAgreeWithTheIdxLabels() {
        byte[] labels = MnistData.loadTestLabels(null);
        int[] counts = new int[10];
        for (byte label : labels) {
            counts[label]++;
        }
        assertThat(counts[7]).isEqualTo(1028);
        for (int label = 0; label < 10; label++) {
            JsonNode page = ok(server.get("/api/mnist/test?label=" + label + "&limit=200"));
            assertThat(page.get("total").asInt()).as("label " + label).isEqualTo(counts[label]);
            assertThat(page.get("items").size()).isEqualTo(Math.min(200, counts[label]));
            for (JsonNode item : page.get("items")) {
                assertThat(item.get("label").asInt()).isEqualTo(label);
                assertThat(labels[item.get("index").asInt()]).isEqualTo((byte) label);
            }
        }
        JsonNode all = ok(server.get("/api/mnist/test"));
        assertThat(all.get("total").asInt()).isEqualTo(10_000);
        assertThat(all.get("label").isNull()).isTrue();
        assertThat(all.get("items").size()).isEqualTo(50);
    }

    @Test
    void theTrainingSplitHasSixtyThousandDigits() {
        JsonNode page = ok(server.get("/api/mnist/train?label=5&limit=3"));
        assertThat(page.get("total").asInt()).isEqualTo(5421);
        assertThat(ok(server.get("/api/mnist/train")).get("total").asInt()).isEqualTo(60_000);
        JsonNode last = ok(server.get("/api/mnist/train/59999"));
        assertThat(last.get("index").asInt()).isEqualTo(59_999);
        assertThat(server.get("/api/mnist/train/60000").statusCode()).isEqualTo(404);
    }

    @Test
    void pagesFollowOffsetAndLimitAndCarryThumbnailPixels() {
        JsonNode first = ok(server.get("/api/mnist/test?label=7&offset=0&limit=10"));
        JsonNode shifted = ok(server.get("/api/mnist/test?label=7&offset=5&limit=10"));
        assertThat(first.get("offset").asInt()).isZero();
        assertThat(shifted.get("offset").asInt()).isEqualTo(5);
        assertThat(first.get("limit").asInt()).isEqualTo(10);
        List<Integer> firstIndices = indices(first);
        List<Integer> shiftedIndices = indices(shifted);
        assertThat(firstIndices).hasSize(10).isSorted().doesNotHaveDuplicates();
        assertThat(shiftedIndices.subList(0, 5)).isEqualTo(firstIndices.subList(5, 10));
        assertThat(firstIndices.get(0)).isZero();

        JsonNode lastPage = ok(server.get("/api/mnist/test?label=7&offset=1020&limit=10"));
        assertThat(lastPage.get("items").size()).isEqualTo(8);
        assertThat(ok(server.get("/api/mnist/test?label=7&offset=5000")).get("items").size()).isZero();

        // Each thumbnail is the digit's own 784 bytes.
        assertThat(first.get("rows").asInt()).isEqualTo(28);
        assertThat(first.get("columns").asInt()).isEqualTo(28);
        JsonNode item = first.get("items").get(3);
        byte[] thumb = Base64.getDecoder().decode(item.get("pixels").asText());
        assertThat(thumb).hasSize(784);
        JsonNode digit = ok(server.get("/api/mnist/test/" + item.get("index").asInt()));
        for (int i = 0; i < 784; i++) {
            assertThat(thumb[i] & 0xff).isEqualTo(digit.get("pixels").get(i / 28).get(i % 28).asInt());
        }
    }

    @Test
    void badInputsAreRefusedNamingTheField() {
        expectError("/api/mnist/validation/0", 400, "split");
        expectError("/api/mnist/validation", 400, "split");
        expectError("/api/mnist/test/10000", 404, "index");
        expectError("/api/mnist/test/-1", 400, "index");
        expectError("/api/mnist/test/seven", 400, "index");
        expectError("/api/mnist/test?label=10", 400, "label");
        expectError("/api/mnist/test?label=-1", 400, "label");
        expectError("/api/mnist/test?label=x", 400, "label");
        expectError("/api/mnist/test?offset=-1", 400, "offset");
        expectError("/api/mnist/test?limit=0", 400, "limit");
        expectError("/api/mnist/test?limit=201", 400, "limit");
        expectError("/api/mnist/test?limit=1.5", 400, "limit");
        expectError("/data/digit?split=test&index=10000", 404, "index");
        expectError("/data/grid?split=nope", 400, "split");
    }

    @Test
    void thePageWorksWithoutJavaScript() {
        HttpResponse<String> page = server.get("/data?split=test&label=3&offset=50&digit=18");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("1,010 test digits labelled 3", "51–100 of 1,010", "test digit 18, label 3",
                "shape (28, 28), max 255, min 0", "href=\"/data?split=test&amp;label=3\"",
                "href=\"/data?split=test&amp;label=3&amp;offset=100\"");
        assertThat(html.split("<td class=\"v", -1)).hasSize(785);
        assertThat(server.get("/data?split=test&label=3&offset=50&digit=18&lang=ko").body())
                .contains("shape (28, 28), 최댓값 255, 최솟값 0").doesNotContain("max 255");
        assertThat(html).doesNotContain("style=");
        HttpResponse<String> fragment = server.htmxGet("/data/grid?split=train&label=0&offset=0");
        assertThat(fragment.body().strip()).startsWith("<div id=\"digit-grid\"").contains("5,923 train digits labelled 0")
                .contains("6: 5,918").doesNotContain("<html");
        assertThat(fragment.headers().firstValue("HX-Push-Url")).contains("/data?split=train&label=0");
        assertThat(server.htmxGet("/data/digit?split=test&index=0").body()).contains("test digit 0, label 7");
    }

    private static void expectError(String path, int status, String field) {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
        JsonNode error = TestServer.json(response);
        assertThat(error.get("field").asText()).as(path).isEqualTo(field);
        assertThat(error.get("error").asText()).as(path).startsWith(field + ": ");
    }

    private static List<Integer> indices(JsonNode page) {
        List<Integer> result = new ArrayList<>();
        page.get("items").forEach(item -> result.add(item.get("index").asInt()));
        return result;
    }
}
