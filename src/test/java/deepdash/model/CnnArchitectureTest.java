package deepdash.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import deepdash.json.Json;
import deepdash.model.CnnArchitecture.ConvBlock;
import deepdash.model.CnnArchitecture.DenseLayer;
import deepdash.model.CnnArchitecture.Padding;
import deepdash.model.CnnArchitecture.PoolLayer;
import deepdash.protocol.RunConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link CnnArchitecture#check()} accepts, fills in and refuses, and how runs read and store it. */
class CnnArchitectureTest {

    private static final String EXAMPLE = "{\"blocks\":[{\"filters\":32,\"kernel\":3,\"stride\":1,"
            + "\"padding\":\"valid\",\"activation\":\"relu\",\"pool\":{\"type\":\"max\",\"size\":2}}],"
            + "\"head\":\"flatten\",\"dense\":[{\"units\":64,\"dropout\":0.0}]}";

    private static ConvBlock block(int filters, int kernel) {
        return new ConvBlock(filters, kernel, null, null, null, new PoolLayer("max", 2, null), null, null);
    }

    private static <T> T parse(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** As a run request's settings are read and checked. */
    private static CnnSettings read(String settingsJson) {
        return (CnnSettings) new CnnSpec().read(new RunConfig("cnn", parse(settingsJson, ObjectNode.class)))
                .check(null);
    }

    @Test
    void theSeedChecksAsItselfAndDefaultsAreFilledInTheKerasWay() {
        assertThat(CnnArchitecture.SEED.check()).isEqualTo(CnnArchitecture.SEED);
        CnnArchitecture sparse = new CnnArchitecture(List.of(block(32, 3), block(64, 3), block(64, 3)), null,
                List.of(new DenseLayer(64, null)));
        assertThat(sparse.check()).isEqualTo(CnnArchitecture.SEED);
        assertThat(CnnArchitecture.SEED.compact()).isEqualTo("conv32-pool / conv64-pool / conv64-pool / flatten / dense64");
    }

    @Test
    void theIssuesExampleReadsAsRunSettingsAndPaddingTakesANameOrANumber() {
        CnnSettings settings = read("{\"architecture\":" + EXAMPLE + "}");
        CnnArchitecture architecture = settings.architecture();
        assertThat(architecture.blocks()).hasSize(1);
        assertThat(architecture.blocks().get(0).pool().stride()).as("a pool's stride defaults to its size").isEqualTo(2);
        assertThat(architecture.compact()).isEqualTo("conv32-pool / flatten / dense64");

        CnnSettings numeric = read("{\"architecture\":{\"blocks\":[{\"filters\":8,\"kernel\":5,\"padding\":2}]}}");
        assertThat(numeric.architecture().blocks().get(0).padding()).isEqualTo(Padding.of(2));
        assertThat(numeric.architecture().dense()).isEmpty();
        // Stored and read back the way run.json does.
        String stored = Json.write(numeric);
        assertThat(stored).contains("\"padding\":2");
        CnnSettings back = parse(stored, CnnSettings.class);
        assertThat(back).isEqualTo(numeric);
    }

    @Test
    void oldRunFilesWithoutAnArchitectureTrainTheSeed() {
        CnnSettings old = parse("{\"epochs\":2,\"batchSize\":32,\"learningRate\":0.001,\"trainLimit\":null,"
                + "\"device\":\"auto\"}", CnnSettings.class);
        assertThat(old.architecture()).isNull();
        assertThat(old.network()).isEqualTo(CnnArchitecture.SEED);
        assertThat(Json.write(old)).doesNotContain("architecture");
        assertThat(CnnCuresSettingsTest.words(old.details(), deepdash.i18n.Messages.ENGLISH))
                .containsEntry("network", CnnArchitecture.SEED.compact());
    }

    @Test
    void everyOutOfRangeValueIsRefusedNamingItsPathAndLayer() {
        Object[][] cases = {
            {"{\"blocks\":[]}", "architecture.blocks", "network"},
            {"{\"blocks\":[{\"filters\":0,\"kernel\":3}]}", "architecture.blocks[0].filters", "block 1"},
            {"{\"blocks\":[{\"filters\":257,\"kernel\":3}]}", "architecture.blocks[0].filters", "block 1"},
            {"{\"blocks\":[{\"filters\":8,\"kernel\":3},{\"filters\":8,\"kernel\":3},{\"filters\":8,\"kernel\":8}]}",
                "architecture.blocks[2].kernel", "block 3"},
            {"{\"blocks\":[{\"filters\":8,\"kernel\":3,\"stride\":5}]}", "architecture.blocks[0].stride", "block 1"},
            {"{\"blocks\":[{\"filters\":8,\"kernel\":3,\"padding\":4}]}", "architecture.blocks[0].padding", "block 1"},
            {"{\"blocks\":[{\"filters\":8,\"kernel\":3,\"padding\":\"full\"}]}", "architecture.blocks[0].padding",
                "block 1"},
            {"{\"blocks\":[{\"filters\":8,\"kernel\":3,\"padding\":true}]}", "architecture.blocks[0].padding",
                "block 1"},
            {"{\"blocks\":[{\"filters\":8,\"kernel\":3,\"padding\":1.5}]}", "architecture.blocks[0].padding",
                "block 1"},
            {"{\"blocks\":[{\"filters\":8,\"kernel\":4,\"padding\":\"same\"}]}", "architecture.blocks[0].padding",
                "block 1"},
            {"{\"blocks\":[{\"filters\":8,\"kernel\":3,\"activation\":\"gelu\"}]}", "architecture.blocks[0].activation",
                "block 1"},
            {"{\"blocks\":[{\"filters\":8,\"kernel\":3,\"pool\":{\"type\":\"max\",\"size\":5}}]}",
                "architecture.blocks[0].pool.size", "block 1 pooling"},
            {"{\"blocks\":[{\"filters\":8,\"kernel\":3,\"pool\":{\"type\":\"min\",\"size\":2}}]}",
                "architecture.blocks[0].pool.type", "block 1 pooling"},
            {"{\"blocks\":[{\"filters\":8,\"kernel\":3,\"dropout\":0.95}]}", "architecture.blocks[0].dropout", "block 1"},
            {"{\"blocks\":[{\"filters\":8,\"kernel\":3}],\"head\":\"max\"}", "architecture.head", "head"},
            {"{\"blocks\":[{\"filters\":8,\"kernel\":3}],\"dense\":[{\"units\":2000}]}", "architecture.dense[0].units",
                "dense 1"},
            {"{\"blocks\":[{\"filters\":8,\"kernel\":3}],\"dense\":[{\"units\":8},{\"units\":8},{\"units\":8},"
                + "{\"units\":8}]}", "architecture.dense", "network"},
            {"{\"blocks\":[{\"filters\":256,\"kernel\":1}],\"dense\":[{\"units\":1024}]}", "architecture", "network"},
        };
        for (Object[] c : cases) {
            assertThatThrownBy(() -> read("{\"architecture\":" + c[0] + "}")).as((String) c[0])
                    .isInstanceOfSatisfying(ArchitectureException.class, e -> {
                        assertThat(e.field()).isEqualTo(c[1]);
                        assertThat(e.layer()).isEqualTo(c[2]);
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.getMessage()).startsWith(c[2] + ": ");
                    });
        }
    }

    @Test
    void aMapThatVanishesIsNamedTheWayTheIssueSaysIt() {
        // 28 -> 26 -> 13 -> 11 -> 5 -> 3 (block 3's input is 5x5 after block 2's pool)... kernel 7 does not fit.
        String json = "{\"architecture\":{\"blocks\":[{\"filters\":32,\"kernel\":3,\"pool\":{\"type\":\"max\",\"size\":2}},"
                + "{\"filters\":64,\"kernel\":3,\"pool\":{\"type\":\"max\",\"size\":2}},{\"filters\":64,\"kernel\":7}]}}";
        assertThatThrownBy(() -> read(json)).hasMessage("block 3: kernel 7 does not fit a 5x5 map");
        String padded = json.replace("\"kernel\":7}", "\"kernel\":7,\"padding\":1}");
        assertThat(read(padded).architecture().blocks().get(2).padding()).isEqualTo(Padding.of(1));
    }

    @Test
    void unknownOrMistypedFieldsInsideTheArchitectureAreRefusedWithTheirPath() {
        assertThatThrownBy(() -> read("{\"architecture\":{\"blocks\":[{\"filters\":8,\"kernal\":3}]}}"))
                .isInstanceOfSatisfying(InvalidRunConfigException.class,
                        e -> assertThat(e.field()).isEqualTo("architecture.blocks[0].kernal"))
                .hasMessageContaining("did you mean \"kernel\"");
        assertThatThrownBy(() -> read("{\"architecture\":{\"blocks\":[{\"filters\":8,\"kernel\":3,"
                + "\"pool\":{\"type\":\"max\",\"size\":2,\"padding\":1}}]}}"))
                .isInstanceOfSatisfying(InvalidRunConfigException.class,
                        e -> assertThat(e.field()).isEqualTo("architecture.blocks[0].pool.padding"));
        assertThatThrownBy(() -> read("{\"architecture\":{\"blocks\":[{\"filters\":\"8\",\"kernel\":3}]}}"))
                .isInstanceOfSatisfying(InvalidRunConfigException.class,
                        e -> assertThat(e.field()).isEqualTo("architecture.blocks[0].filters"));
        assertThatThrownBy(() -> read("{\"architecture\":{\"blocks\":[{\"filters\":8,\"kernel\":3.5}]}}"))
                .isInstanceOfSatisfying(InvalidRunConfigException.class,
                        e -> assertThat(e.field()).isEqualTo("architecture.blocks[0].kernel"));
    }
}
