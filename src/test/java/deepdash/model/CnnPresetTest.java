package deepdash.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import deepdash.json.Json;
import deepdash.protocol.RunConfig;
import org.junit.jupiter.api.Test;

/** {@code "preset"} in a CNN run request: what it resolves to, what a given field overrides, what is refused. */
class CnnPresetTest {

    private final CnnSpec cnn = new CnnSpec();

    private CnnSettings read(String json) throws Exception {
        ObjectNode settings = (ObjectNode) Json.mapper().readTree(json);
        return (CnnSettings) cnn.read(new RunConfig(CnnSpec.NAME, settings)).check(null);
    }

    @Test
    void fastResolvesToItsSettings() throws Exception {
        CnnSettings fast = read("{\"preset\":\"fast\"}");
        assertThat(fast.epochs()).isEqualTo(2);
        assertThat(fast.batchSize()).isEqualTo(128);
        assertThat(fast.learningRate()).isEqualTo(0.004);
        assertThat(fast.schedule()).isEqualTo(LearningRateSchedule.ONE_CYCLE);
        // The seed's data: every image, the last 20% validating.
        assertThat(fast.trainLimit()).isNull();
        assertThat(fast.network()).isEqualTo(CnnArchitecture.SEED);
    }

    @Test
    void aFieldGivenWithThePresetWins() throws Exception {
        CnnSettings fast = read("{\"preset\":\"fast\",\"epochs\":3,\"trainLimit\":1000}");
        assertThat(fast.epochs()).isEqualTo(3);
        assertThat(fast.batchSize()).isEqualTo(128);
        assertThat(fast.trainLimit()).isEqualTo(1000);
    }

    @Test
    void noPresetIsTheSeedsDefaults() throws Exception {
        assertThat(read("{}")).isEqualTo(read("{\"preset\":null}"));
        assertThat(read("{}").batchSize()).isEqualTo(32);
        assertThat(read("{\"preset\":\"\"}").epochs()).isEqualTo(10);
    }

    @Test
    void anUnknownPresetIsRefusedNamingTheField() {
        assertThatThrownBy(() -> read("{\"preset\":\"turbo\"}"))
                .isInstanceOfSatisfying(InvalidRunConfigException.class, e -> {
                    assertThat(e.getMessage()).startsWith("preset: ").contains("fast", "turbo");
                });
        assertThatThrownBy(() -> read("{\"preset\":3}"))
                .isInstanceOfSatisfying(InvalidRunConfigException.class,
                        e -> assertThat(e.getMessage()).startsWith("preset: "));
    }

    @Test
    void otherModelsDoNotTakeAPreset() {
        ObjectNode settings = Json.mapper().createObjectNode().put("preset", "fast");
        assertThatThrownBy(() -> new LstmSpec().read(new RunConfig(LstmSpec.NAME, settings)))
                .isInstanceOfSatisfying(InvalidRunConfigException.class,
                        e -> assertThat(e.getMessage()).contains("preset"));
    }
}
