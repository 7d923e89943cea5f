package deepdash.digits;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.mnist.IdxImages;
import deepdash.mnist.MnistData;
import deepdash.support.TestServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /api/predict} from many clients at once over real HTTP: every good request gets the
 * answer it gets alone (the server batches them), every bad one its own 4xx.
 */
@Timeout(120)
class ConcurrentPredictApiTest {

    private static final int CLIENTS = 40;

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static String pixelBody(float[] pixels) {
        StringJoiner array = new StringJoiner(",", "[", "]");
        for (float value : pixels) {
            array.add(Float.toString(value));
        }
        return "{\"pixels\":" + array + "}";
    }

    @Test
    void concurrentClientsGetTheirOwnAnswersAndBadOnesTheirOwnErrors() throws Exception {
        IdxImages images = MnistData.loadTestImages(null);
        List<String> paths = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        List<Integer> expectedStatus = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            float[] pixels = new float[DigitPreprocessor.PIXEL_COUNT];
            images.copyScaled(i, pixels, 0);
            switch (i % 8) {
                case 3 -> {
                    pixels[7] = -1f;
                    bodies.add(pixelBody(pixels));
                    expectedStatus.add(400);
                }
                case 5 -> {
                    bodies.add("{\"image\":\"" + DigitPngRenderer.toDataUrl(new float[pixels.length]) + "\"}");
                    expectedStatus.add(400);
                }
                case 6 -> {
                    bodies.add("{\"pixels\":[1,2,");
                    expectedStatus.add(400);
                }
                case 7 -> {
                    bodies.add("{\"image\":\"" + DigitPngRenderer.toDataUrl(pixels) + "\"}");
                    expectedStatus.add(200);
                }
                default -> {
                    bodies.add(pixelBody(pixels));
                    expectedStatus.add(200);
                }
            }
            paths.add(i % 2 == 0 ? "/api/predict?featureMaps=true" : "/api/predict");
        }
        List<JsonNode> alone = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            HttpResponse<String> response = server.postJson(paths.get(i), bodies.get(i));
            assertThat(response.statusCode()).as("alone %d: %s", i, response.body()).isEqualTo(expectedStatus.get(i));
            alone.add(json(response));
        }

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int index = i;
                answers.add(clients.submit(() -> {
                    go.await();
                    return server.postJson(paths.get(index), bodies.get(index));
                }));
            }
            go.countDown();

            for (int i = 0; i < CLIENTS; i++) {
                HttpResponse<String> response = answers.get(i).get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as("together %d: %s", i, response.body())
                        .isEqualTo(expectedStatus.get(i));
                JsonNode answer = json(response);
                if (expectedStatus.get(i) != 200) {
                    assertThat(answer.get("error").asText()).as("request %d", i)
                            .isEqualTo(alone.get(i).get("error").asText());
                    continue;
                }
                assertThat(answer.get("digit").asInt()).isEqualTo(alone.get(i).get("digit").asInt());
                for (int d = 0; d < 10; d++) {
                    assertThat(answer.get("probabilities").get(d).asDouble()).as("request %d digit %d", i, d)
                            .isCloseTo(alone.get(i).get("probabilities").get(d).asDouble(), within(1e-6));
                }
                assertThat(answer.has("featureMaps")).isEqualTo(i % 2 == 0);
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
