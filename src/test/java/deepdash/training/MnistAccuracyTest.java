package deepdash.training;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.engine.EngineSettings;
import deepdash.mnist.MnistData;
import deepdash.model.CnnSettings;
import deepdash.model.CnnSpec;
import deepdash.protocol.TestResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The honest check: the seed CNN, one epoch on all 48,000 training images, scored on the 10,000 test images. */
@Tag("slow")
@Timeout(600)
class MnistAccuracyTest {

    @Test
    void oneEpochOnTheFullTrainingSetReaches97PercentOnTheTestSet() {
        EngineSettings.applyToThisProcess();
        CnnSettings settings = CnnSettings.DEFAULTS.withEpochs(1).withTrainLimit(null);
        TestResult result = new ImageClassification(MnistData.load(null)).train(new CnnSpec(), settings, null,
                new TrainingListener() {
                }, 42, () -> false);
        System.out.printf("1 epoch on 48,000 images: test accuracy %.4f, loss %.4f%n", result.accuracy(),
                result.loss());
        assertThat(result.samples()).isEqualTo(10_000);
        assertThat(result.accuracy()).isGreaterThanOrEqualTo(0.97);
    }
}
