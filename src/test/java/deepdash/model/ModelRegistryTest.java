package deepdash.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import deepdash.engine.EngineSettings;
import deepdash.json.Json;
import deepdash.protocol.RunConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every model of the registry: its summary against its real block, and what the spec says about it. */
class ModelRegistryTest {

    static final ModelRegistry MODELS = ModelRegistry.standard();

    @BeforeAll
    static void engine() {
        EngineSettings.applyToThisProcess();
    }

    /** The parameters DJL really allocates for the block, counted without the summary builder. */
    static long realParameterCount(ModelSpec spec, int window) {
        Block block = spec.newBlock();
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, spec.inputShape(window));
            long count = 0;
            for (Pair<String, Parameter> parameter : block.getParameters()) {
                count += parameter.getValue().getArray().getShape().size();
            }
            return count;
        }
    }

    @Test
    void everySummaryCountsWhatItsBlockReallyHas() {
        for (ModelSpec spec : MODELS.all()) {
            for (int window : List.of(5, 30)) {
                ModelSummary summary = spec.summarize(window);
                assertThat(summary.totalParams()).as(spec.name()).isEqualTo(realParameterCount(spec, window));
                assertThat(summary.layers().stream().mapToLong(LayerSummary::params).sum()).as(spec.name())
                        .isEqualTo(summary.totalParams());
                assertThat(summary.model()).isEqualTo(spec.name());
            }
        }
    }

    @Test
    void theSeedsModelsHaveTheirKnownCounts() {
        assertThat(summary("cnn").totalParams()).isEqualTo(60_554);
        assertThat(summary("cnn").kerasParams()).isEqualTo(60_554);
        assertThat(summary("lstm").totalParams()).isEqualTo(7_697);
        assertThat(summary("lstm").kerasParams()).isEqualTo(7_505);
    }

    @Test
    void theSimpleRnnCountsOneGatePerLayerAndKerasOneBiasLess() {
        ModelSummary rnn = summary("rnn");
        assertThat(rnn.totalParams()).isEqualTo(1_937);
        assertThat(rnn.kerasParams()).isEqualTo(1_889);
        assertThat(rnn.layers()).extracting(LayerSummary::params).containsExactly(1_120L, 800L, 17L);
        assertThat(rnn.layers()).extracting(LayerSummary::name).containsExactly("simple_rnn", "simple_rnn_1", "dense");
        assertThat(rnn.layers()).extracting(LayerSummary::type)
                .containsExactly("SimpleRNN", "SimpleRNN + last time step", "Dense + Sigmoid");
        assertThat(rnn.layers().get(0).formula()).isEqualTo("1x32x(1+32+2) = 1,120 (Keras: 1x32x(1+32+1) = 1,088)");
        assertThat(rnn.layers().get(1).formula()).isEqualTo("1x16x(32+16+2) = 800 (Keras: 1x16x(32+16+1) = 784)");
        assertThat(rnn.note()).contains("1,937", "1,889", "SimpleRNN");
    }

    @Test
    void theGruCountsThreeGatesAndKerasWithResetAfterCountsTheSame() {
        ModelSummary gru = summary("gru");
        assertThat(gru.totalParams()).isEqualTo(5_777);
        assertThat(gru.kerasParams()).isEqualTo(5_777);
        assertThat(gru.layers()).extracting(LayerSummary::params).containsExactly(3_360L, 2_400L, 17L);
        assertThat(gru.layers()).extracting(LayerSummary::name).containsExactly("gru", "gru_1", "dense");
        assertThat(gru.layers().get(0).formula()).isEqualTo("3x32x(1+32+2) = 3,360 (Keras: 3x32x(1+32+2) = 3,360)");
        assertThat(gru.layers().get(1).formula()).isEqualTo("3x16x(32+16+2) = 2,400 (Keras: 3x16x(32+16+2) = 2,400)");
        assertThat(gru.note()).contains("5,777", "reset_after=True");
    }

    @Test
    void namesAreUniqueAndEachModelSaysWhatItIs() {
        assertThat(MODELS.names()).startsWith("cnn", "lstm").contains("rnn", "gru").doesNotHaveDuplicates();
        for (ModelSpec spec : MODELS.all()) {
            assertThat(spec.title()).as(spec.name()).isNotBlank();
            assertThat(MODELS.find(spec.name())).containsSame(spec);
            assertThat(spec.keyMetric()).isEqualTo(spec.task().isForecast() ? KeyMetric.MAE : KeyMetric.ACCURACY);
            assertThat(spec.settingsType()).isEqualTo(spec.task().isForecast() ? SeriesSettings.class
                    : CnnSettings.class);
        }
        assertThat(MODELS.byTask(Task.SERIES_FORECAST)).extracting(ModelSpec::name).startsWith("lstm");
        assertThat(MODELS.find("transformer")).isEmpty();
        assertThat(MODELS.keyMetric("transformer")).isEqualTo(KeyMetric.ACCURACY);
        assertThatThrownBy(() -> new ModelRegistry(List.of(new CnnSpec(), new CnnSpec())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsAreStoredFlatAndReadBackAsTheModelsRecord() throws Exception {
        RunConfig config = CnnSpec.runConfig(CnnSettings.DEFAULTS.withTrainLimit(2000));
        JsonNode json = Json.mapper().readTree(Json.write(config));
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("model", "epochs", "batchSize", "learningRate", "trainLimit", "device");
        RunConfig read = Json.mapper().readValue(Json.write(config), RunConfig.class);
        assertThat(read).isEqualTo(config);
        assertThat(MODELS.settings(read)).isEqualTo(CnnSettings.DEFAULTS.withTrainLimit(2000));

        RunConfig series = RunConfig.of("rnn", SeriesSettings.forDataset("prices"));
        assertThat(Json.write(series)).isEqualTo("{\"model\":\"rnn\",\"dataset\":\"prices\"}");
        assertThat(MODELS.settings(series)).isEqualTo(SeriesSettings.forDataset("prices"));
    }

    @Test
    void aRequestedRunsSettingsMustBeTheModelsOwnAndOfTheRightType() {
        ModelSpec cnn = MODELS.find("cnn").orElseThrow();
        assertThatThrownBy(() -> cnn.read(RunConfig.of("cnn", Map.of("epochs", "ten"))))
                .isInstanceOfSatisfying(InvalidRunConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo("epochs");
                    assertThat(e.getMessage()).isEqualTo("epochs: expected a whole number, got a string (\"ten\")");
                });
        assertThatThrownBy(() -> cnn.read(RunConfig.of("cnn", Map.of("window", 5))))
                .isInstanceOfSatisfying(InvalidRunConfigException.class,
                        e -> assertThat(e.field()).isEqualTo("window"));
        // A stored run is read leniently: a field another version wrote does not stop it from listing.
        assertThat(MODELS.settings(RunConfig.of("cnn", Map.of("epochs", 3, "optimizer", "sgd"))).epochs())
                .isEqualTo(3);
        assertThat(MODELS.settings(RunConfig.of("transformer", Map.of("epochs", 3))).epochs()).isEqualTo(3);
    }

    static ModelSummary summary(String name) {
        return MODELS.find(name).orElseThrow().summarize(5);
    }
}
