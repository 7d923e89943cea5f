package deepdash.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import deepdash.engine.EngineSettings;
import deepdash.model.CnnArchitecture.ConvBlock;
import deepdash.model.CnnArchitecture.DenseLayer;
import deepdash.model.CnnArchitecture.Padding;
import deepdash.model.CnnArchitecture.PoolLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random architectures, built as DJL blocks and summarised from them, against the seed's formula
 * {@code (h - k + 2p) / s + 1} and the parameter arithmetic worked out here by hand. An
 * architecture the formula says cannot be built must be refused by {@link CnnArchitecture#check()}
 * naming its layer; every other one must build with exactly the formula's shapes and counts.
 */
class CnnArchitecturePropertyTest {

    private static final int ARCHITECTURES = 200;

    @BeforeAll
    static void engine() {
        EngineSettings.applyToThisProcess();
    }

    /** What the formula says about one architecture: the rows' shapes and the totals, or the first misfit. */
    private record Expected(List<String> shapes, long params, long frozen, long multiplyAdds, String misfitLayer) {
    }

    private static Expected expect(CnnArchitecture architecture) {
        List<String> shapes = new ArrayList<>();
        int size = 28;
        int channels = 1;
        long params = 0;
        long frozen = 0;
        long multiplyAdds = 0;
        for (int i = 0; i < architecture.blocks().size(); i++) {
            ConvBlock block = architecture.blocks().get(i);
            int k = block.kernel();
            int p = block.padding().pixelsFor(k);
            int out = (size - k + 2 * p) / block.stride() + 1;
            if (size - k + 2 * p < 0) {
                return new Expected(shapes, 0, 0, 0, "block " + (i + 1));
            }
            params += (long) k * k * channels * block.filters() + block.filters();
            multiplyAdds += (long) out * out * block.filters() * k * k * channels;
            size = out;
            channels = block.filters();
            shapes.add(map(channels, size));
            if (block.batchNorm()) {
                params += 4L * channels;
                frozen += 2L * channels;
                // The activation folds into the batch normalisation's row; the conv row keeps its shape.
                shapes.add(map(channels, size));
            }
            if (block.pool() != null) {
                if (block.pool().size() > size) {
                    return new Expected(shapes, 0, 0, 0, "block " + (i + 1) + " pooling");
                }
                size = (size - block.pool().size()) / block.pool().stride() + 1;
                shapes.add(map(channels, size));
            }
            if (block.dropout() > 0) {
                shapes.add(map(channels, size));
            }
        }
        long features = architecture.head().equals("flatten") ? (long) channels * size * size : channels;
        shapes.add("(N, " + features + ")");
        for (DenseLayer dense : architecture.dense()) {
            params += features * dense.units() + dense.units();
            multiplyAdds += features * dense.units();
            features = dense.units();
            shapes.add("(N, " + features + ")");
            if (dense.dropout() > 0) {
                shapes.add("(N, " + features + ")");
            }
        }
        params += features * 10 + 10;
        multiplyAdds += features * 10;
        shapes.add("(N, 10)");
        return new Expected(shapes, params, frozen, multiplyAdds, null);
    }

    private static String map(int channels, int size) {
        return "(N, " + channels + ", " + size + ", " + size + ")";
    }

    private static CnnArchitecture random(Random random) {
        List<ConvBlock> blocks = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            int kernel = 1 + random.nextInt(7);
            Padding padding = switch (random.nextInt(3)) {
                case 0 -> Padding.VALID;
                case 1 -> kernel % 2 == 1 ? Padding.SAME : Padding.of(random.nextInt(4));
                default -> Padding.of(random.nextInt(4));
            };
            PoolLayer pool = random.nextInt(3) == 0 ? null
                    : new PoolLayer(random.nextBoolean() ? "max" : "avg", 1 + random.nextInt(4), 1 + random.nextInt(4));
            blocks.add(new ConvBlock(1 + random.nextInt(48), kernel, 1 + random.nextInt(random.nextBoolean() ? 1 : 4),
                    padding, List.of("relu", "sigmoid", "tanh").get(random.nextInt(3)), pool, random.nextInt(4) == 0,
                    random.nextInt(4) == 0 ? 0.25 : 0.0));
        }
        List<DenseLayer> dense = new ArrayList<>();
        int denseCount = random.nextInt(4);
        for (int i = 0; i < denseCount; i++) {
            dense.add(new DenseLayer(1 + random.nextInt(128), random.nextInt(3) == 0 ? 0.5 : 0.0));
        }
        return new CnnArchitecture(blocks, random.nextBoolean() ? "flatten" : "gap", dense);
    }

    @Test
    void djlBlocksHaveTheFormulasShapesAndCountsAndMisfitsAreRefusedNamingTheLayer() {
        Random random = new Random(20261202);
        int built = 0;
        int refused = 0;
        for (int n = 0; n < ARCHITECTURES; n++) {
            CnnArchitecture architecture = random(random);
            Expected expected = expect(architecture);
            if (expected.misfitLayer() != null) {
                assertThatThrownBy(architecture::check).as(architecture.compact())
                        .isInstanceOfSatisfying(ArchitectureException.class,
                                e -> assertThat(e.layer()).isEqualTo(expected.misfitLayer()))
                        .hasMessageContaining("does not fit a");
                refused++;
                continue;
            }
            CnnArchitecture checked = architecture.check();
            assertThat(checked).isEqualTo(architecture);
            ModelSummary summary = CnnSpec.summarize(checked);
            assertThat(summary.layers()).as(architecture.compact()).extracting(LayerSummary::outputShape)
                    .containsExactlyElementsOf(expected.shapes());
            assertThat(summary.totalParams()).as(architecture.compact()).isEqualTo(expected.params());
            assertThat(summary.nonTrainableParams()).as(architecture.compact()).isEqualTo(expected.frozen());
            assertThat(summary.multiplyAdds()).as(architecture.compact()).isEqualTo(expected.multiplyAdds());
            built++;
        }
        // Both kinds must really be exercised, or the test proves little.
        assertThat(built).isGreaterThan(50);
        assertThat(refused).isGreaterThan(20);
    }
}
