package deepdash.model;

import deepdash.i18n.Text;
import java.util.Set;

/** The checks every model's settings share: ranges, the learning rate, the device. */
final class SettingsChecks {

    static final int MAX_EPOCHS = 1000;
    static final int MAX_BATCH_SIZE = 4096;
    static final String DEFAULT_DEVICE = "auto";
    private static final Set<String> DEVICES = Set.of("auto", "cpu", "gpu");

    private SettingsChecks() {
    }

    static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    static int intInRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidRunConfigException(field, Text.of("error.settings.out_of_range", min, max, value));
        }
        return value;
    }

    static int epochs(Integer requested, int fallback) {
        return intInRange("epochs", orDefault(requested, fallback), 1, MAX_EPOCHS);
    }

    static int batchSize(Integer requested, int fallback) {
        return intInRange("batchSize", orDefault(requested, fallback), 1, MAX_BATCH_SIZE);
    }

    static double learningRate(Double requested, double fallback) {
        double learningRate = requested == null ? fallback : requested;
        if (!Double.isFinite(learningRate) || learningRate <= 0 || learningRate > 1) {
            throw new InvalidRunConfigException("learningRate", Text.of("error.settings.learning_rate", requested));
        }
        return learningRate;
    }

    static String device(String requested) {
        String device = isBlank(requested) ? DEFAULT_DEVICE : requested;
        if (!DEVICES.contains(device)) {
            throw new InvalidRunConfigException("device", Text.of("error.settings.device", device));
        }
        return device;
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
