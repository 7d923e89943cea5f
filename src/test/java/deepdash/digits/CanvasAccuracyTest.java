package deepdash.digits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.json.Json;
import deepdash.mnist.IdxImages;
import deepdash.mnist.MnistData;
import deepdash.support.TestServer;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The honest end-to-end check of the canvas path: real MNIST test digits, drawn onto a 280x280
 * transparent canvas and exported as PNG the way the page sends them, go through
 * {@code POST /api/predict} as {@code image}: decoding, preprocessing and the shipped model.
 */
@Tag("slow")
@Timeout(300)
class CanvasAccuracyTest {

    private static final int DIGITS = 500;

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void theShippedModelReadsAtLeast95PercentOf500CanvasDigits() throws Exception {
        IdxImages images = MnistData.loadTestImages(null);
        byte[] labels = MnistData.loadTestLabels(null);
        float[] pixels = new float[DigitPreprocessor.PIXEL_COUNT];
        int correct = 0;
        long startNanos = System.nanoTime();
        for (int i = 0; i < DIGITS; i++) {
            images.copyScaled(i, pixels, 0);
            String body = "{\"image\":\"" + DigitPngRenderer.toDataUrl(pixels) + "\",\"run\":\"shipped-cnn\"}";
            HttpResponse<String> response = server.postJson("/api/predict", body);
            assertThat(response.statusCode()).as("digit %d: %s", i, response.body()).isEqualTo(200);
            JsonNode answer = Json.mapper().readTree(response.body());
            if (answer.get("digit").asInt() == labels[i]) {
                correct++;
            }
        }
        double accuracy = (double) correct / DIGITS;
        System.out.printf(Locale.ROOT, "canvas path, shipped model: %d of %d MNIST test digits right (%.1f%%) in %.1f s%n",
                correct, DIGITS, 100 * accuracy, (System.nanoTime() - startNanos) / 1e9);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.95);
    }
}
