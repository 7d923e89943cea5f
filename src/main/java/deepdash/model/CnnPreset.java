package deepdash.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import deepdash.i18n.Text;
import java.util.List;

/**
 * Named starting points for a CNN run, given as {@code "preset"} in a run request (or
 * {@code train --preset}). A preset fills the settings the request leaves out; a setting given
 * too wins. The stored run keeps the resolved settings, not the name, so a run reads the same
 * whatever the preset later becomes.
 *
 * <p>{@code fast}: the seed's network to the seed's test accuracy (0.9804) in under a quarter of
 * the seed recipe's time: 2 epochs of batch 128 with Adam on a one-cycle schedule peaking at
 * 0.004, instead of 10 epochs of batch 32 at a constant 0.001. The data are the seed's: all 60,000
 * training images, the last 20% held out for validation, the test set scored once at the end.
 * bench/figures/30-fast.sh measures it against the seed recipe.
 *
 * @param name what the request gives
 */
public record CnnPreset(String name, int epochs, int batchSize, double learningRate, String schedule) {

    public static final String FIELD = "preset";
    public static final CnnPreset FAST = new CnnPreset("fast", 2, 128, 0.004, LearningRateSchedule.ONE_CYCLE);
    public static final List<CnnPreset> ALL = List.of(FAST);

    /** The preset called {@code name}, or a 400 naming {@code preset}. */
    public static CnnPreset named(String name) {
        for (CnnPreset preset : ALL) {
            if (preset.name().equals(name)) {
                return preset;
            }
        }
        throw new InvalidRunConfigException(FIELD, Text.of("error.settings.one_of", String.join(", ",
                ALL.stream().map(CnnPreset::name).toList()), name));
    }

    /**
     * The requested settings with the preset they name (if any) filled in and {@code preset}
     * removed; a request without one comes back as it was.
     */
    static ObjectNode resolve(ObjectNode requested) {
        JsonNode field = requested.get(FIELD);
        if (field == null || field.isNull()) {
            if (field != null) {
                ObjectNode copy = requested.deepCopy();
                copy.remove(FIELD);
                return copy;
            }
            return requested;
        }
        if (!field.isTextual()) {
            throw new InvalidRunConfigException(FIELD, Text.of("error.settings.string_one_of", String.join(", ",
                    ALL.stream().map(CnnPreset::name).toList())));
        }
        // An empty string is the page's "no preset" choice.
        CnnPreset preset = field.asText().isEmpty() ? null : named(field.asText());
        ObjectNode resolved = requested.deepCopy();
        resolved.remove(FIELD);
        if (preset != null) {
            fill(resolved, "epochs", preset.epochs());
            fill(resolved, "batchSize", preset.batchSize());
            if (!given(resolved, "learningRate")) {
                resolved.put("learningRate", preset.learningRate());
            }
            if (!given(resolved, "schedule")) {
                resolved.put("schedule", preset.schedule());
            }
        }
        return resolved;
    }

    private static void fill(ObjectNode settings, String field, int value) {
        if (!given(settings, field)) {
            settings.put(field, value);
        }
    }

    private static boolean given(ObjectNode settings, String field) {
        JsonNode node = settings.get(field);
        return node != null && !node.isNull();
    }
}
