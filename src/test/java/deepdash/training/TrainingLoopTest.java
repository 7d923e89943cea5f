package deepdash.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import deepdash.engine.EngineSettings;
import deepdash.model.RnnSpec;
import deepdash.model.SeriesSettings;
import deepdash.prices.ParsedPrices;
import deepdash.prices.PriceCsvParser;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.Progress;
import deepdash.protocol.RunFolder;
import deepdash.protocol.TestResult;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The one training loop, in this process, on a small slice of the bundled sample. */
@Timeout(120)
class TrainingLoopTest {

    static ParsedPrices sample;
    static final SeriesSettings SMALL = new SeriesSettings(2, 32, 0.001, "cpu", "sample", "Adj Close", 5,
            "2023-01-01", null, "2023-11-01", null, null);

    @TempDir
    Path temp;

    @BeforeAll
    static void readTheSample() throws Exception {
        EngineSettings.applyToThisProcess();
        try (InputStream in = TrainingLoopTest.class.getResourceAsStream("/data/prices/sample-synthetic-prices.csv")) {
            sample = new PriceCsvParser().parse(in.readAllBytes(), "sample.csv");
        }
    }

    /** Collects what the loop reports. */
    static final class Recorder implements TrainingListener {
        final List<EpochMetrics> epochs = new ArrayList<>();
        final List<Progress> progress = new ArrayList<>();
        final List<Integer> arraysHeld = new ArrayList<>();
        TestResult tested;

        @Override
        public void arraysHeld(int epoch, int count) {
            arraysHeld.add(count);
        }

        @Override
        public void progress(Progress p) {
            progress.add(p);
        }

        @Override
        public void epoch(EpochMetrics metrics) {
            epochs.add(metrics);
        }

        @Override
        public void tested(TestResult result, double trainSeconds) {
            tested = result;
        }
    }

    @Test
    void trainsValidatesSavesEveryEpochAndTestsOnce() {
        RunFolder folder = new RunFolder(temp.resolve("run"));
        Recorder recorder = new Recorder();
        TestResult result = new SeriesForecasting(sample).train(new RnnSpec(), SMALL, folder, recorder, 42,
                () -> false);

        assertThat(recorder.epochs).extracting(EpochMetrics::epoch).containsExactly(1, 2);
        // Nothing a batch made outlives it: the trainer holds as many arrays after two epochs as after one.
        assertThat(recorder.arraysHeld).hasSize(2);
        assertThat(recorder.arraysHeld.get(1)).isEqualTo(recorder.arraysHeld.get(0));
        assertThat(recorder.epochs).allSatisfy(e -> {
            assertThat(e.mae()).isFinite().isNotNegative();
            assertThat(e.valMae()).isFinite().isNotNegative();
            assertThat(e.accuracy()).isNull();
        });
        assertThat(recorder.progress).isNotEmpty();
        assertThat(result).isEqualTo(recorder.tested);
        assertThat(result.mae()).isFinite().isPositive();
        assertThat(result.samples()).isPositive();
        assertThat(folder.parameterFiles()).containsExactly(folder.parametersFile("rnn"));
        assertThat(folder.forecastFile()).isRegularFile();
    }

    @Test
    void stopsBetweenTwoBatchesWhenAskedKeepingTheEpochsItFinished() {
        RunFolder folder = new RunFolder(temp.resolve("stopped"));
        Recorder recorder = new Recorder();
        AtomicInteger batches = new AtomicInteger();
        // Six batches an epoch: stop in the middle of the second.
        assertThatThrownBy(() -> new SeriesForecasting(sample).train(new RnnSpec(), SMALL, folder, recorder, 42,
                () -> batches.incrementAndGet() > 8))
                .isInstanceOf(TrainingLoop.Stopped.class)
                .hasMessageContaining("epoch 2");
        assertThat(recorder.epochs).extracting(EpochMetrics::epoch).containsExactly(1);
        assertThat(recorder.tested).isNull();
        assertThat(folder.hasParameters("rnn")).as("the first epoch's parameters stay").isTrue();
        assertThat(folder.forecastFile()).doesNotExist();
    }
}
