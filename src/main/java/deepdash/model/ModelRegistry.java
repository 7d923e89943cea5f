package deepdash.model;

import deepdash.protocol.RunConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models DeepDash knows, by name, in the order pages list them. Routes, the {@code train}
 * command, run views, lists, exports and compare ask here instead of switching on a name, so a new
 * model is a new {@link ModelSpec} added to {@link #standard()}.
 *
 * <p>Stored runs may name a model this build does not know (written by another version); they
 * still list, with {@link #settings} and {@link #keyMetric} giving neutral answers.
 */
public final class ModelRegistry {

    private final Map<String, ModelSpec> specs = new LinkedHashMap<>();

    public ModelRegistry(List<? extends ModelSpec> specs) {
        for (ModelSpec spec : specs) {
            if (this.specs.putIfAbsent(spec.name(), spec) != null) {
                throw new IllegalArgumentException("two models are named " + spec.name());
            }
        }
    }

    /** Every model DeepDash ships. */
    public static ModelRegistry standard() {
        return new ModelRegistry(List.of(new CnnSpec(), new LstmSpec(), new RnnSpec(), new GruSpec()));
    }

    public List<ModelSpec> all() {
        return List.copyOf(specs.values());
    }

    public List<String> names() {
        return List.copyOf(specs.keySet());
    }

    /** The models of one task, in registry order. */
    public List<ModelSpec> byTask(Task task) {
        List<ModelSpec> matching = new ArrayList<>();
        for (ModelSpec spec : specs.values()) {
            if (spec.task() == task) {
                matching.add(spec);
            }
        }
        return matching;
    }

    public Optional<ModelSpec> find(String name) {
        return Optional.ofNullable(name == null ? null : specs.get(name));
    }

    /** The model's key metric; accuracy for a model this build does not know. */
    public KeyMetric keyMetric(String model) {
        return find(model).map(ModelSpec::keyMetric).orElse(KeyMetric.ACCURACY);
    }

    /** Whether runs of this model write a forecast. */
    public boolean isForecast(String model) {
        return find(model).map(spec -> spec.task().isForecast()).orElse(false);
    }

    /** The model's title, or its name when this build does not know it. */
    public String title(String model) {
        return find(model).map(ModelSpec::title).orElse(model);
    }

    /** A stored run's settings as its model's record; only the shared ones for an unknown model. */
    public ModelSettings settings(RunConfig config) {
        return find(config.model()).map(spec -> spec.settings(config))
                .orElseGet(() -> SettingsReader.lenient(config.settings(), UnknownModelSettings.class));
    }
}
