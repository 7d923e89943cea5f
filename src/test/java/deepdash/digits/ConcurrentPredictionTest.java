package deepdash.digits;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many single predictions at once, as 50 browsers send them: they are batched on the MXNet thread,
 * and each gets exactly what it gets alone, feature maps included.
 */
@Timeout(120)
class ConcurrentPredictionTest {

    private static final int CLIENTS = 48;
    private static final double SAME = 1e-6;

    private static IdxImages testImages;

    @TempDir
    Path runsDir;

    private MxnetDispatcher mxnet;
    private PredictionService service;
    private ExecutorService clients;

    @BeforeAll
    static void loadMnist() {
        EngineSettings.applyToThisProcess();
        testImages = MnistData.loadTestImages(null);
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
        clients = Executors.newFixedThreadPool(CLIENTS);
    }

    @AfterEach
    void close() {
        clients.shutdownNow();
        service.close();
        mxnet.close();
    }

    private static float[] mnist(int index) {
        float[] pixels = new float[DigitPreprocessor.PIXEL_COUNT];
        testImages.copyScaled(index, pixels, 0);
        return pixels;
    }

    /** Starts every call at once, so they pile up behind each other on the MXNet thread. */
    private <T> List<Future<T>> allAtOnce(List<Callable<T>> calls) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> answers = new ArrayList<>();
        for (Callable<T> call : calls) {
            answers.add(clients.submit(() -> {
                go.await();
                return call.call();
            }));
        }
        go.countDown();
        return answers;
    }

    private static void assertSame(Prediction batched, Prediction alone, String what) {
        assertThat(batched.digit()).as(what).isEqualTo(alone.digit());
        assertThat(batched.run()).as(what).isEqualTo(alone.run());
        assertThat(batched.input()).as(what).containsExactly(alone.input());
        for (int d = 0; d < 10; d++) {
            assertThat(batched.probabilities()[d]).as("%s, digit %d", what, d)
                    .isCloseTo(alone.probabilities()[d], within(SAME));
        }
        if (alone.featureMaps() == null) {
            assertThat(batched.featureMaps()).as(what).isNull();
            return;
        }
        assertThat(batched.featureMaps()).as(what).hasSameSizeAs(alone.featureMaps());
        for (int layer = 0; layer < alone.featureMaps().size(); layer++) {
            FeatureMapLayer mine = batched.featureMaps().get(layer);
            FeatureMapLayer single = alone.featureMaps().get(layer);
            assertThat(mine.layer()).isEqualTo(single.layer());
            assertThat(mine.filters()).isEqualTo(single.filters());
            assertThat(mine.heightPixels()).isEqualTo(single.heightPixels());
            assertThat(mine.widthPixels()).isEqualTo(single.widthPixels());
            for (int f = 0; f < single.filters(); f++) {
                assertThat(mine.maxActivations()[f]).as("%s, %s filter %d", what, single.layer(), f)
                        .isCloseTo(single.maxActivations()[f], within(1e-5f));
            }
            for (int i = 0; i < single.levels().length; i++) {
                // Levels are rounded to 0..255: a float difference far below 1e-6 may tip one by a step.
                assertThat(Math.abs((mine.levels()[i] & 0xff) - (single.levels()[i] & 0xff)))
                        .as("%s, %s level %d", what, single.layer(), i).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void concurrentPixelRequestsGetExactlyWhatASingleRequestGets() throws Exception {
        List<Prediction> alone = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            alone.add(service.predictPixels(mnist(i), null, i % 2 == 0));
        }
        ForwardBatcher.Stats before = service.batchStats();

        List<Callable<Prediction>> calls = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            int index = i;
            calls.add(() -> service.predictPixels(mnist(index), null, index % 2 == 0));
        }
        List<Future<Prediction>> answers = allAtOnce(calls);

        for (int i = 0; i < CLIENTS; i++) {
            assertSame(answers.get(i).get(60, TimeUnit.SECONDS), alone.get(i), "input " + i);
        }
        ForwardBatcher.Stats after = service.batchStats();
        assertThat(after.requests() - before.requests()).isEqualTo(CLIENTS);
        assertThat(after.passes() - before.passes()).as("passes for %d requests", CLIENTS).isLessThan(CLIENTS);
        assertThat(after.largestPass()).isGreaterThan(1);
    }

    @Test
    void concurrentCanvasRequestsWithFeatureMapsGetWhatASingleRequestGets() throws Exception {
        List<String> canvases = new ArrayList<>();
        List<Prediction> alone = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            canvases.add(DigitPngRenderer.toDataUrl(mnist(100 + i)));
            alone.add(service.predictImage(canvases.get(i), PredictionService.SHIPPED_MODEL_ID, true));
        }

        List<Callable<Prediction>> calls = new ArrayList<>();
        for (int i = 0; i < canvases.size(); i++) {
            String canvas = canvases.get(i);
            calls.add(() -> service.predictImage(canvas, PredictionService.SHIPPED_MODEL_ID, true));
        }
        List<Future<Prediction>> answers = allAtOnce(calls);

        for (int i = 0; i < canvases.size(); i++) {
            assertSame(answers.get(i).get(60, TimeUnit.SECONDS), alone.get(i), "canvas " + i);
        }
    }

    @Test
    void badRequestsAmongGoodOnesGetTheirOwnErrorAndTheGoodOnesTheirAnswers() throws Exception {
        String empty = DigitPngRenderer.toDataUrl(new float[DigitPreprocessor.PIXEL_COUNT]);
        float[] outOfRange = mnist(3);
        outOfRange[100] = 3f;
        List<Prediction> alone = new ArrayList<>();
        List<Callable<Prediction>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int index = i;
            alone.add(service.predictPixels(mnist(i), null, false));
            calls.add(switch (i % 5) {
                case 1 -> () -> service.predictImage(empty, null, false);
                case 2 -> () -> service.predictPixels(outOfRange, null, false);
                case 3 -> () -> service.predictPixels(mnist(index), "20990101-000000-ffffff", false);
                default -> () -> service.predictPixels(mnist(index), null, false);
            });
        }

        List<Future<Prediction>> answers = allAtOnce(calls);

        for (int i = 0; i < 30; i++) {
            Future<Prediction> answer = answers.get(i);
            switch (i % 5) {
                case 1 -> assertThat(failure(answer)).isInstanceOf(InvalidDigitInputException.class)
                        .hasMessage(DigitPreprocessor.EMPTY_CANVAS);
                case 2 -> assertThat(failure(answer)).isInstanceOf(InvalidDigitInputException.class)
                        .hasMessageContaining("pixels[100]");
                case 3 -> assertThat(failure(answer)).isInstanceOf(RunNotFoundException.class);
                default -> assertSame(answer.get(60, TimeUnit.SECONDS), alone.get(i), "input " + i);
            }
        }
    }

    private static Throwable failure(Future<Prediction> answer) throws Exception {
        try {
            answer.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected the request to fail");
    }
}
