package deepdash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.digits.DigitPngRenderer;
import deepdash.digits.DigitPreprocessor;
import deepdash.json.Json;
import deepdash.mnist.IdxImages;
import deepdash.mnist.MnistData;
import deepdash.support.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prediction latency as a client on the same machine sees it over HTTP, idle and while a CNN
 * training worker runs. Not a pass/fail test: it prints the figures for docs/performance.md.
 *
 * <p>Excluded from the normal build (tag {@code bench}); run it with
 * {@code mvn -B -o test -Dgroups=bench -DexcludedGroups= -Dtest=PredictLatencyBench}.
 */
@Tag("bench")
@Timeout(900)
class PredictLatencyBench {

    private static final int REQUESTS = 500;
    private static final int WARM_UP_REQUESTS = 50;
    private static final int DIFFERENT_DIGITS = 100;

    @TempDir
    Path dataDir;

    /** One kind of request: what the draw page sends, the same without feature maps, raw pixels. */
    private record Variant(String name, String path, List<String> bodies) {
    }

    @Test
    void predictionLatencyIdleAndDuringTraining() throws Exception {
        IdxImages images = MnistData.loadTestImages(null);
        List<String> imageBodies = new ArrayList<>();
        List<String> pixelBodies = new ArrayList<>();
        float[] pixels = new float[DigitPreprocessor.PIXEL_COUNT];
        for (int i = 0; i < DIFFERENT_DIGITS; i++) {
            images.copyScaled(i, pixels, 0);
            imageBodies.add("{\"image\":\"" + DigitPngRenderer.toDataUrl(pixels) + "\"}");
            StringJoiner array = new StringJoiner(",", "[", "]");
            for (float value : pixels) {
                array.add(Float.toString(value));
            }
            pixelBodies.add("{\"pixels\":" + array + "}");
        }
        List<Variant> variants = List.of(
                new Variant("canvas PNG + feature maps (the draw page)", "/api/predict?featureMaps=true", imageBodies),
                new Variant("canvas PNG", "/api/predict", imageBodies),
                new Variant("784 pixels", "/api/predict", pixelBodies));

        try (TestServer server = TestServer.start(dataDir)) {
            for (Variant variant : variants) {
                measure(server, variant, WARM_UP_REQUESTS);
            }
            System.out.printf(Locale.ROOT, "%nPrediction latency over HTTP on loopback, %d requests each, %d CPUs%n",
                    REQUESTS, Runtime.getRuntime().availableProcessors());
            for (Variant variant : variants) {
                report("idle", variant, measure(server, variant, REQUESTS));
            }

            String runId = startTraining(server);
            awaitTrainingBatches(server, runId);
            for (Variant variant : variants) {
                double[] latencies = measure(server, variant, REQUESTS);
                String status = runStatus(server, runId).get("status").asText();
                report("training (" + status + " at the end)", variant, latencies);
            }
            server.postJson("/api/runs/" + runId + "/cancel", "");
        }
    }

    private static String startTraining(TestServer server) throws Exception {
        HttpResponse<String> created = server.postJson("/api/runs",
                "{\"model\":\"cnn\",\"epochs\":3,\"trainLimit\":20000}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        return Json.mapper().readTree(created.body()).get("id").asText();
    }

    /** Waits until the worker reports batches, so the measurement overlaps real training work. */
    private static void awaitTrainingBatches(TestServer server, String runId) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode run = runStatus(server, runId);
            if (run.hasNonNull("progress")) {
                return;
            }
            assertThat(run.get("status").asText()).isIn("queued", "running");
            Thread.sleep(200);
        }
        throw new AssertionError("the training run reported no progress within 120 s");
    }

    private static JsonNode runStatus(TestServer server, String runId) throws Exception {
        return Json.mapper().readTree(server.get("/api/runs/" + runId).body());
    }

    /** @return each request's round trip in milliseconds */
    private static double[] measure(TestServer server, Variant variant, int requests) {
        double[] millis = new double[requests];
        for (int i = 0; i < requests; i++) {
            String body = variant.bodies().get(i % variant.bodies().size());
            long start = System.nanoTime();
            HttpResponse<String> response = server.postJson(variant.path(), body);
            millis[i] = (System.nanoTime() - start) / 1e6;
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        return millis;
    }

    private static void report(String condition, Variant variant, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-30s %-42s median %6.1f ms   p99 %6.1f ms   max %6.1f ms%n",
                condition, variant.name(), percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
