package deepdash.digits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import deepdash.engine.EngineSettings;
import deepdash.engine.MxnetDispatcher;
import deepdash.events.EventHub;
import deepdash.mnist.IdxImages;
import deepdash.mnist.MnistData;
import deepdash.runs.RunNotFoundException;
import deepdash.runs.RunService;
import deepdash.runs.RunStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PredictionService#predictPixels(String, List)}: many inputs in one task give what one at a time gives. */
class BatchPredictionTest {

    private static IdxImages testImages;
    private static byte[] testLabels;

    @TempDir
    Path runsDir;

    private MxnetDispatcher mxnet;
    private PredictionService service;

    @BeforeAll
    static void loadMnist() {
        EngineSettings.applyToThisProcess();
        testImages = MnistData.loadTestImages(null);
        testLabels = MnistData.loadTestLabels(null);
    }

    @BeforeEach
    void start() {
        RunStore store = new RunStore(runsDir);
        RunService runs = new RunService(store, new EventHub(), runDir -> {
            throw new IllegalStateException("no training in this test");
        }, 1, Clock.systemUTC(), Map.of());
        runs.recover();
        mxnet = new MxnetDispatcher();
        service = new PredictionService(mxnet, runs, store, PredictionService.DEFAULT_CACHED_MODELS);
    }

    @AfterEach
    void close() {
        service.close();
        mxnet.close();
    }

    private static float[] mnist(int index) {
        float[] pixels = new float[DigitPreprocessor.PIXEL_COUNT];
        testImages.copyScaled(index, pixels, 0);
        return pixels;
    }

    @Test
    void moreInputsThanOneBatchGiveTheProbabilitiesOfSinglePredictionsInOrder() {
        int count = PredictionService.MAX_BATCH_INPUTS + 44;
        List<float[]> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inputs.add(mnist(i));
        }

        List<float[]> batch = service.predictPixels(PredictionService.SHIPPED_MODEL_ID, inputs);

        assertThat(batch).hasSize(count);
        int right = 0;
        for (int i = 0; i < count; i++) {
            float[] probabilities = batch.get(i);
            assertThat(probabilities).hasSize(10);
            int read = argMax(probabilities);
            right += read == testLabels[i] ? 1 : 0;
            // Spot-check against the one-at-a-time path, on both sides of the batch boundary.
            if (i % 37 == 0 || i == PredictionService.MAX_BATCH_INPUTS) {
                Prediction single = service.predictPixels(inputs.get(i), PredictionService.SHIPPED_MODEL_ID, false);
                assertThat(read).as("input %d", i).isEqualTo(single.digit());
                for (int d = 0; d < 10; d++) {
                    assertThat((double) probabilities[d]).as("input %d digit %d", i, d)
                            .isCloseTo(single.probabilities()[d], within(1e-4));
                }
            }
        }
        assertThat(right).isGreaterThanOrEqualTo(count * 97 / 100);
    }

    @Test
    void noInputsGiveNoAnswersAndBadOnesAreRefused() {
        assertThat(service.predictPixels(PredictionService.SHIPPED_MODEL_ID, List.of())).isEmpty();
        float[] bad = mnist(0);
        bad[5] = 2f;
        assertThatThrownBy(() -> service.predictPixels(PredictionService.SHIPPED_MODEL_ID, List.of(mnist(1), bad)))
                .isInstanceOf(InvalidDigitInputException.class).hasMessageContaining("pixels[5]");
        assertThatThrownBy(() -> service.predictPixels("20990101-000000-ffffff", List.of(mnist(1))))
                .isInstanceOf(RunNotFoundException.class);
    }

    private static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
