package deepdash.cnn;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.digits.DigitPreprocessor;
import deepdash.mnist.IdxImages;
import deepdash.mnist.MnistData;
import deepdash.support.TestServer;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An edited CNN over real HTTP: {@code POST /api/models/cnn/summary} for good and impossible
 * networks, and a run that trains one (a real worker, real MNIST), records it and predicts with it.
 */
@Timeout(300)
class EditedCnnApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    static final String SEED = "{\"blocks\":["
            + "{\"filters\":32,\"kernel\":3,\"pool\":{\"type\":\"max\",\"size\":2}},"
            + "{\"filters\":64,\"kernel\":3,\"pool\":{\"type\":\"max\",\"size\":2}},"
            + "{\"filters\":64,\"kernel\":3,\"pool\":{\"type\":\"max\",\"size\":2}}],"
            + "\"head\":\"flatten\",\"dense\":[{\"units\":64}]}";
    /** Batch norm, a strided same-padded conv, average pooling, tanh, global average pooling, dropout. */
    static final String SMALL = "{\"blocks\":["
            + "{\"filters\":4,\"kernel\":5,\"stride\":2,\"padding\":\"same\",\"batchNorm\":true,"
            + "\"pool\":{\"type\":\"avg\",\"size\":2}},"
            + "{\"filters\":8,\"kernel\":3,\"activation\":\"tanh\"}],"
            + "\"head\":\"gap\",\"dense\":[{\"units\":16,\"dropout\":0.25}]}";

    private static HttpResponse<String> postSummary(String body) {
        return server.postJson("/api/models/cnn/summary", body);
    }

    @Test
    void theSeedPostedGivesTheSameSummaryAsTheGet() {
        HttpResponse<String> posted = postSummary(SEED);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(json(posted)).isEqualTo(json(server.get("/api/models/cnn/summary")));
        assertThat(json(posted).get("multiplyAdds").asLong()).as("conv 26*26*32*9 + 11*11*64*288 + 3*3*64*576, "
                + "dense 64*64 + 64*10").isEqualTo(194_688L + 2_230_272L + 331_776L + 4_096L + 640L);
    }

    @Test
    void anEditedNetworksSummaryFollowsItsLayers() {
        JsonNode summary = json(postSummary(SMALL));
        JsonNode layers = summary.get("layers");
        assertThat(layers.get(0).get("outputShape").asText()).isEqualTo("(N, 4, 14, 14)");
        assertThat(layers.get(0).get("formula").asText()).isEqualTo("5x5x1x4+4 = 104");
        assertThat(layers.get(1).get("type").asText()).isEqualTo("BatchNormalization + ReLU");
        assertThat(layers.get(2).get("type").asText()).isEqualTo("AveragePooling2D");
        assertThat(layers.get(2).get("outputShape").asText()).isEqualTo("(N, 4, 7, 7)");
        assertThat(layers.get(3).get("type").asText()).isEqualTo("Conv2D + Tanh");
        assertThat(layers.get(3).get("outputShape").asText()).isEqualTo("(N, 8, 5, 5)");
        assertThat(layers.get(4).get("type").asText()).isEqualTo("GlobalAveragePooling2D");
        assertThat(layers.get(5).get("formula").asText()).isEqualTo("16x(8+1) = 144");
        assertThat(layers.get(6).get("type").asText()).isEqualTo("Dropout");
        // 104 + 16 (batch norm, 8 of them running statistics) + 296 + 144 + 170
        assertThat(summary.get("totalParams").asLong()).isEqualTo(104 + 16 + 296 + 144 + 170);
        assertThat(summary.get("nonTrainableParams").asLong()).isEqualTo(8);
    }

    @Test
    void anImpossibleNetworkIs400NamingTheLayer() {
        String impossible = SEED.replace("{\"filters\":64,\"kernel\":3,\"pool\":{\"type\":\"max\",\"size\":2}}],",
                "{\"filters\":64,\"kernel\":7}],");
        HttpResponse<String> response = postSummary(impossible);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = json(response);
        assertThat(error.get("layer").asText()).isEqualTo("block 3");
        assertThat(error.get("field").asText()).isEqualTo("architecture.blocks[2].kernel");
        assertThat(error.get("error").asText()).isEqualTo("block 3: kernel 7 does not fit a 5x5 map");
    }

    @Test
    void badBodiesAre400NamingTheField() {
        JsonNode unknown = json(postSummary("{\"blocks\":[{\"filters\":8,\"kernel\":3,\"strides\":2}]}"));
        assertThat(unknown.get("field").asText()).isEqualTo("architecture.blocks[0].strides");
        assertThat(unknown.get("error").asText()).contains("did you mean \"stride\"");
        HttpResponse<String> range = postSummary("{\"blocks\":[{\"filters\":8,\"kernel\":9}]}");
        assertThat(range.statusCode()).isEqualTo(400);
        assertThat(json(range).get("field").asText()).isEqualTo("architecture.blocks[0].kernel");
        assertThat(json(range).get("layer").asText()).isEqualTo("block 1");
        HttpResponse<String> notJson = postSummary("{\"blocks\":");
        assertThat(notJson.statusCode()).isEqualTo(400);
        HttpResponse<String> notObject = postSummary("[1,2]");
        assertThat(notObject.statusCode()).isEqualTo(400);
        HttpResponse<String> lstm = server.postJson("/api/models/lstm/summary", SMALL);
        assertThat(lstm.statusCode()).isEqualTo(400);
        assertThat(json(lstm).get("field").asText()).isEqualTo("architecture");
        assertThat(server.postJson("/api/models/nope/summary", SMALL).statusCode()).isEqualTo(404);
    }

    @Test
    void aRunTrainsTheEditedNetworkRecordsItAndPredictsWithIt() throws Exception {
        HttpResponse<String> created = server.postJson("/api/runs", "{\"model\":\"cnn\",\"epochs\":1,"
                + "\"trainLimit\":500,\"architecture\":" + SMALL + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String id = json(created).get("id").asText();
        JsonNode run = awaitFinal(id);
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("completed");
        JsonNode architecture = run.get("config").get("architecture");
        assertThat(architecture.get("head").asText()).isEqualTo("gap");
        assertThat(architecture.get("blocks").get(0).get("pool").get("stride").asInt()).isEqualTo(2);

        IdxImages images = MnistData.loadTestImages(null);
        float[] digit = new float[DigitPreprocessor.PIXEL_COUNT];
        images.copyScaled(0, digit, 0);
        String pixels = IntStream.range(0, digit.length).mapToObj(i -> Float.toString(digit[i]))
                .collect(Collectors.joining(",", "[", "]"));
        HttpResponse<String> predicted = server.postJson("/api/predict?featureMaps=true",
                "{\"pixels\":" + pixels + ",\"run\":\"" + id + "\"}");
        assertThat(predicted.statusCode()).as(predicted.body()).isEqualTo(200);
        JsonNode answer = json(predicted);
        assertThat(answer.get("run").asText()).isEqualTo(id);
        assertThat(answer.get("probabilities")).hasSize(10);
        JsonNode maps = answer.get("featureMaps");
        assertThat(maps).hasSize(2);
        assertThat(maps.get(0).get("filters").asInt()).isEqualTo(4);
        assertThat(maps.get(0).get("heightPixels").asInt()).isEqualTo(14);
        assertThat(maps.get(1).get("filters").asInt()).isEqualTo(8);
        assertThat(maps.get(1).get("heightPixels").asInt()).isEqualTo(5);

        // The run's pages show its network.
        String compact = "conv4k5s2-padsame-bn-avgpool / conv8-tanh / gap / dense16-drop0.25";
        assertThat(server.get("/runs/" + id).body()).contains(compact);
        assertThat(server.get("/api/predict/models").body()).as("the Draw page's model choice").contains(compact);
        HttpResponse<String> other = server.postJson("/api/runs", "{\"model\":\"cnn\",\"epochs\":1,"
                + "\"trainLimit\":100}");
        String seedRun = json(other).get("id").asText();
        awaitFinal(seedRun);
        String compare = server.get("/runs/compare?ids=" + id + "," + seedRun).body();
        assertThat(compare).contains("network", compact, "conv32-pool / conv64-pool / conv64-pool / flatten / dense64");
    }

    private static JsonNode awaitFinal(String id) throws InterruptedException {
        long deadline = System.nanoTime() + 240_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode run = json(server.get("/api/runs/" + id));
            if (Arrays.asList("completed", "failed", "cancelled", "interrupted").contains(run.get("status").asText())) {
                return run;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("run " + id + " did not finish");
    }
}
