package deepdash.runs;

import deepdash.protocol.RunConfig;
import java.util.Set;

/**
 * Checks a CNN run's settings and fills in the seed's defaults for those left out. Both the HTTP
 * API and the {@code train} command go through here, so a bad value gets the same message anywhere.
 */
public final class RunConfigValidator {

    public static final int MNIST_TRAIN_IMAGES = 60_000;
    private static final Set<String> DEVICES = Set.of("auto", "cpu", "gpu");

    private RunConfigValidator() {
    }

    /** Returns the CNN config with defaults applied, or throws naming the first bad field. */
    public static RunConfig validateCnn(RunConfig requested) {
        RunConfig defaults = RunConfig.cnnDefaults();
        int epochs = intInRange("epochs", orDefault(requested.epochs(), defaults.epochs()), 1, 1000);
        int batchSize = intInRange("batchSize", orDefault(requested.batchSize(), defaults.batchSize()), 1, 4096);
        double learningRate = requested.learningRate() == null ? defaults.learningRate() : requested.learningRate();
        if (!Double.isFinite(learningRate) || learningRate <= 0 || learningRate > 1) {
            throw new InvalidRunConfigException("learningRate", "must be a number above 0 and at most 1, got "
                    + requested.learningRate());
        }
        Integer trainLimit = requested.trainLimit();
        if (trainLimit != null) {
            intInRange("trainLimit", trainLimit, 10, MNIST_TRAIN_IMAGES);
        }
        String device = requested.device() == null || requested.device().isBlank() ? "auto" : requested.device();
        if (!DEVICES.contains(device)) {
            throw new InvalidRunConfigException("device", "must be auto, cpu or gpu, got \"" + device + "\"");
        }
        return new RunConfig("cnn", epochs, batchSize, learningRate, trainLimit, device, null, null, null, null,
                null, null);
    }

    static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    public static int intInRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidRunConfigException(field, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
