package deepdash.digits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import deepdash.engine.EngineSettings;
import deepdash.engine.MxnetDispatcher;
import deepdash.events.EventHub;
import deepdash.mnist.IdxImages;
import deepdash.mnist.MnistData;
import deepdash.model.CnnSettings;
import deepdash.model.CnnSpec;
import deepdash.protocol.RunStatus;
import deepdash.runs.RunConflictException;
import deepdash.runs.RunNotFoundException;
import deepdash.runs.RunService;
import deepdash.runs.RunStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prediction service on the real MXNet engine, with the shipped model and run folders on disk. */
class PredictionServiceTest {

    private static final String OLDER_RUN = "20260101-000000-aaaaaa";
    private static final String NEWER_RUN = "20260102-000000-bbbbbb";

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

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
        if (mxnet != null) {
            mxnet.close();
        }
    }

    private PredictionService start(int cachedModels) {
        RunStore store = new RunStore(runsDir);
        RunService runs = new RunService(store, new EventHub(), runDir -> {
            throw new IllegalStateException("no training in this test");
        }, 1, Clock.systemUTC(), Map.of());
        runs.recover();
        mxnet = new MxnetDispatcher();
        service = new PredictionService(mxnet, runs, store, cachedModels);
        return service;
    }

    private static float[] mnist(int index) {
        float[] pixels = new float[DigitPreprocessor.PIXEL_COUNT];
        testImages.copyScaled(index, pixels, 0);
        return pixels;
    }

    @Test
    void shippedModelReadsAtLeast97OfTheFirst100MnistTestDigits() {
        start(PredictionService.DEFAULT_CACHED_MODELS);
        int correct = 0;
        for (int i = 0; i < 100; i++) {
            Prediction prediction = service.predictPixels(mnist(i), null, false);
            if (prediction.digit() == testLabels[i]) {
                correct++;
            }
        }
        System.out.printf("shipped model, pixels path: %d of the first 100 MNIST test digits right%n", correct);
        assertThat(correct).isGreaterThanOrEqualTo(97);
    }

    @Test
    void answersWithProbabilitiesTheModelIdAndTheInputItSaw() {
        start(PredictionService.DEFAULT_CACHED_MODELS);
        float[] seven = mnist(0);
        assertThat(testLabels[0]).isEqualTo((byte) 7);

        Prediction prediction = service.predictPixels(seven, null, false);

        assertThat(prediction.digit()).isEqualTo(7);
        assertThat(prediction.run()).isEqualTo(PredictionService.SHIPPED_MODEL_ID);
        assertThat(prediction.probabilities()).hasSize(10);
        assertThat(Arrays.stream(prediction.probabilities()).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(Arrays.stream(prediction.probabilities()).allMatch(p -> p >= 0 && p <= 1)).isTrue();
        assertThat(prediction.probabilities()[7]).isGreaterThan(0.9);
        assertThat(prediction.input()).containsExactly(seven);
        assertThat(prediction.input()).isNotSameAs(seven);
        assertThat(prediction.featureMaps()).isNull();
    }

    @Test
    void canvasImagesArePreprocessedLikeMnist() {
        start(PredictionService.DEFAULT_CACHED_MODELS);
        float[] seven = mnist(0);

        Prediction prediction = service.predictImage(DigitPngRenderer.toDataUrl(seven), null, false);

        assertThat(prediction.digit()).isEqualTo(7);
        assertThat(PixelStats.meanAbsoluteDifference(seven, prediction.input())).isLessThan(0.1);
    }

    @Test
    void featureMapsHaveOneTilePerFilterOfEachConvolution() {
        start(PredictionService.DEFAULT_CACHED_MODELS);

        List<FeatureMapLayer> layers = service.predictPixels(mnist(0), null, true).featureMaps();

        assertThat(layers).extracting(FeatureMapLayer::layer).containsExactly("conv2d", "conv2d_1", "conv2d_2");
        assertThat(layers).extracting(FeatureMapLayer::filters).containsExactly(32, 64, 64);
        assertThat(layers).extracting(FeatureMapLayer::heightPixels).containsExactly(26, 11, 3);
        assertThat(layers).extracting(FeatureMapLayer::widthPixels).containsExactly(26, 11, 3);
        for (FeatureMapLayer layer : layers) {
            int tilePixels = layer.heightPixels() * layer.widthPixels();
            assertThat(layer.levels()).hasSize(layer.filters() * tilePixels);
            assertThat(layer.maxActivations()).hasSize(layer.filters());
            for (int f = 0; f < layer.filters(); f++) {
                int brightest = 0;
                for (int i = f * tilePixels; i < (f + 1) * tilePixels; i++) {
                    brightest = Math.max(brightest, layer.levels()[i] & 0xff);
                }
                // Each tile is scaled to its own maximum; a filter that never fires stays black.
                assertThat(brightest).as("%s filter %d", layer.layer(), f)
                        .isEqualTo(layer.maxActivations()[f] > 0 ? 255 : 0);
            }
            long firing = countPositive(layer.maxActivations());
            assertThat(firing).as("filters of %s that fire on a 7", layer.layer()).isGreaterThan(layer.filters() / 4);
        }
    }

    @Test
    void theMostAccurateModelIsTheDefaultNotTheNewest() {
        TrainedRuns.completedCnn(runsDir, OLDER_RUN, 0.95);
        TrainedRuns.completedCnn(runsDir, NEWER_RUN, 0.97);
        TrainedRuns.write(runsDir, "20260103-000000-cccccc", CnnSpec.runConfig(CnnSettings.DEFAULTS),
                RunStatus.FAILED, null, true);
        TrainedRuns.write(runsDir, "20260104-000000-dddddd", CnnSpec.runConfig(CnnSettings.DEFAULTS),
                RunStatus.COMPLETED, null,
                false);
        start(PredictionService.DEFAULT_CACHED_MODELS);

        List<ModelChoice> models = service.models();

        // A quick run newer than the shipped 98.7% model but worse does not take its place.
        assertThat(models).extracting(ModelChoice::id)
                .containsExactly(NEWER_RUN, OLDER_RUN, PredictionService.SHIPPED_MODEL_ID);
        assertThat(models).extracting(ModelChoice::isDefault).containsExactly(false, false, true);
        assertThat(models).extracting(ModelChoice::testAccuracy).containsExactly(0.97, 0.95, 0.987);
        assertThat(models.get(0).label()).isEqualTo("Run " + NEWER_RUN + " · 2 epochs on 6,000 images");
        assertThat(models.get(2).label()).isEqualTo("Shipped CNN · 10 epochs on all 60,000 images");
        assertThat(models.get(0).label(deepdash.i18n.Messages.KOREAN))
                .isEqualTo("실행 " + NEWER_RUN + " · 이미지 6,000장에서 2 에포크 학습");
        assertThat(models.get(2).label(deepdash.i18n.Messages.KOREAN))
                .isEqualTo("기본 제공 CNN · 이미지 전체 60,000장에서 10 에포크 학습");
        assertThat(service.defaultModelId()).isEqualTo(PredictionService.SHIPPED_MODEL_ID);
        assertThat(service.predictPixels(mnist(0), null, false).run()).isEqualTo(PredictionService.SHIPPED_MODEL_ID);
        assertThat(service.predictPixels(mnist(0), OLDER_RUN, false).run()).isEqualTo(OLDER_RUN);
        assertThat(service.predictPixels(mnist(0), NEWER_RUN, false).run()).isEqualTo(NEWER_RUN);
    }

    @Test
    void aRunBetterThanTheShippedModelIsTheDefaultAndATieKeepsTheShippedOne() {
        TrainedRuns.completedCnn(runsDir, OLDER_RUN, 0.991);
        TrainedRuns.completedCnn(runsDir, NEWER_RUN, 0.97);
        TrainedRuns.completedCnn(runsDir, "20260103-000000-cccccc", 0.987);
        start(PredictionService.DEFAULT_CACHED_MODELS);

        List<ModelChoice> models = service.models();

        assertThat(models).extracting(ModelChoice::id).containsExactly("20260103-000000-cccccc", NEWER_RUN,
                OLDER_RUN, PredictionService.SHIPPED_MODEL_ID);
        assertThat(models).extracting(ModelChoice::isDefault).containsExactly(false, false, true, false);
        assertThat(service.defaultModelId()).isEqualTo(OLDER_RUN);
        assertThat(service.predictPixels(mnist(0), null, false).run()).isEqualTo(OLDER_RUN);

        assertThat(ModelChoice.best(List.of(choice("shipped-cnn", 0.987), choice("a", 0.987), choice("b", null))).id())
                .as("a tie keeps the first").isEqualTo("shipped-cnn");
        assertThat(ModelChoice.best(List.of(choice("x", null), choice("a", 0.5))).id()).isEqualTo("a");
    }

    private static ModelChoice choice(String id, Double accuracy) {
        return new ModelChoice(id, id, accuracy, null, false, null);
    }

    @Test
    void withNoTrainedRunTheShippedModelIsTheDefault() {
        start(PredictionService.DEFAULT_CACHED_MODELS);

        assertThat(service.models()).singleElement().satisfies(model -> {
            assertThat(model.id()).isEqualTo(PredictionService.SHIPPED_MODEL_ID);
            assertThat(model.isDefault()).isTrue();
            assertThat(model.createdAt()).isNotNull();
        });
    }

    @Test
    void refusesRunsThatCannotPredict() {
        TrainedRuns.write(runsDir, "20260103-000000-cccccc", CnnSpec.runConfig(CnnSettings.DEFAULTS),
                RunStatus.FAILED, null, true);
        TrainedRuns.write(runsDir, "20260104-000000-dddddd", CnnSpec.runConfig(CnnSettings.DEFAULTS),
                RunStatus.COMPLETED, null,
                false);
        TrainedRuns.write(runsDir, "20260105-000000-eeeeee", CnnSpec.runConfig(CnnSettings.DEFAULTS),
                RunStatus.RUNNING, null,
                true);
        start(PredictionService.DEFAULT_CACHED_MODELS);
        float[] seven = mnist(0);

        assertThatThrownBy(() -> service.predictPixels(seven, "20260103-000000-cccccc", false))
                .isInstanceOf(RunConflictException.class)
                .hasMessage("run 20260103-000000-cccccc is failed; only a completed run's model can predict");
        assertThatThrownBy(() -> service.predictPixels(seven, "20260104-000000-dddddd", false))
                .isInstanceOf(RunConflictException.class)
                .hasMessage("run 20260104-000000-dddddd has no saved model to predict with");
        // A run the server was training when it stopped comes back interrupted.
        assertThatThrownBy(() -> service.predictPixels(seven, "20260105-000000-eeeeee", false))
                .isInstanceOf(RunConflictException.class)
                .hasMessageContaining("is interrupted");
        assertThatThrownBy(() -> service.predictPixels(seven, "20990101-000000-ffffff", false))
                .isInstanceOf(RunNotFoundException.class);
        assertThatThrownBy(() -> service.predictPixels(seven, "../../etc", false))
                .isInstanceOf(RunNotFoundException.class);
        assertThat(service.models()).extracting(ModelChoice::id).containsExactly(PredictionService.SHIPPED_MODEL_ID);
    }

    @Test
    void evictedModelsAreReloadedWhenNamedAgain() {
        TrainedRuns.completedCnn(runsDir, OLDER_RUN, 0.95);
        TrainedRuns.completedCnn(runsDir, NEWER_RUN, 0.97);
        start(1);
        float[] seven = mnist(0);
        double[] first = service.predictPixels(seven, OLDER_RUN, false).probabilities();

        for (String id : List.of(NEWER_RUN, PredictionService.SHIPPED_MODEL_ID, OLDER_RUN, NEWER_RUN, OLDER_RUN)) {
            Prediction prediction = service.predictPixels(seven, id, false);
            assertThat(prediction.run()).isEqualTo(id);
            // Every fixture run holds the shipped parameters, so every model gives the same answer.
            assertThat(prediction.probabilities()).containsExactly(first, within(1e-6));
        }
    }

    @Test
    void refusesToPredictOnceClosed() {
        start(PredictionService.DEFAULT_CACHED_MODELS);
        service.predictPixels(mnist(0), null, false);
        service.close();

        assertThatThrownBy(() -> service.predictPixels(mnist(0), null, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        service = null;
    }

    @Test
    void refusesInvalidPixelsBeforeTouchingTheEngine() {
        start(PredictionService.DEFAULT_CACHED_MODELS);
        float[] tooShort = new float[783];
        float[] nan = new float[784];
        nan[5] = Float.NaN;

        assertThatThrownBy(() -> service.predictPixels(tooShort, null, false))
                .isInstanceOf(InvalidDigitInputException.class).hasMessage("pixels: expected 784 values (28x28), got 783");
        assertThatThrownBy(() -> service.predictPixels(nan, null, false))
                .isInstanceOf(InvalidDigitInputException.class).hasMessage("pixels[5] is NaN");
    }

    @Test
    void softmaxSurvivesLargeLogits() {
        double[] probabilities = PredictionService.softmax(new float[] {1000f, 999f, -1000f});

        assertThat(probabilities[0]).isCloseTo(1 / (1 + Math.exp(-1)), within(1e-12));
        assertThat(Arrays.stream(probabilities).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(probabilities[2]).isZero();
    }

    private static long countPositive(float[] values) {
        long count = 0;
        for (float value : values) {
            if (value > 0) {
                count++;
            }
        }
        return count;
    }
}
