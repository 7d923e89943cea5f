package deepdash.training;

import ai.djl.Device;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import java.util.Arrays;
import java.util.Random;

/** What the CNN and LSTM training loops share: the Keras-like setup and small batch helpers. */
final class TrainingSupport {

    private TrainingSupport() {
    }

    /**
     * Adam at a fixed learning rate (no weight decay), and Glorot-uniform kernels (Keras's default initializer:
     * Xavier, uniform, averaged fans, magnitude 3). Biases start at zero in both libraries.
     */
    static DefaultTrainingConfig kerasLikeConfig(Loss loss, double learningRate, Device device) {
        return kerasLikeConfig(loss, Tracker.fixed((float) learningRate), 0, device);
    }

    /** The same with a learning rate that may change batch by batch, and L2 weight decay (0: none). */
    static DefaultTrainingConfig kerasLikeConfig(Loss loss, Tracker learningRates, double weightDecay, Device device) {
        return new DefaultTrainingConfig(loss)
                .optOptimizer(Adam.builder().optLearningRateTracker(learningRates)
                        .optWeightDecays((float) weightDecay).build())
                .optDevices(new Device[] {device})
                .optInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
                        XavierInitializer.FactorType.AVG, 3), Parameter.Type.WEIGHT);
    }

    /** 0, 1, ..., count - 1: the order of the training examples before the first shuffle. */
    static int[] identityOrder(int count) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Fisher-Yates, with the run's own random source so a seed repeats a run. */
    static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** The first {@code length} values of a reused batch buffer (the last batch is often short). */
    static float[] slice(float[] buffer, int length) {
        return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
