package deepdash.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import deepdash.errors.UserError;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The inspector's channel counting on the colour models a PNG can decode to. */
class ImageInspectorTest {

    private final ImageInspector inspector = new ImageInspector(2);

    @Test
    void sixteenBitGreyKeepsItsValuesAndSaysSo() {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setSample(0, 0, 0, 65_535);
        image.getRaster().setSample(1, 0, 0, 300);
        ImageInspection inspection = inspector.inspect(TestImages.png(image), "file");
        assertThat(inspection.shape()).containsExactly(3, 4, 1);
        assertThat(inspection.bitsPerChannel()).isEqualTo(16);
        assertThat(inspection.max()).isEqualTo(65_535);
        assertThat(inspection.min()).isZero();
        assertThat(inspection.notes()).anyMatch(note -> note.contains("65,535"));
    }

    @Test
    void greyWithAlphaIsTwoChannels() {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(5, 5);
        raster.setSample(2, 2, 0, 200);
        raster.setSample(2, 2, 1, 255);
        BufferedImage image = new BufferedImage(model, raster, false, null);
        ImageInspection inspection = inspector.inspect(TestImages.png(image), "file");
        assertThat(inspection.shape()).containsExactly(5, 5, 2);
        assertThat(inspection.channels()).extracting(ChannelSummary::name).containsExactly("grey", "A");
        assertThat(inspection.hasAlpha()).isTrue();
        assertThat(inspection.channels().get(0).max()).isEqualTo(200);
    }

    @Test
    void aOneBitImageIsGreyWithValuesZeroAnd255() {
        BufferedImage image = new BufferedImage(9, 2, BufferedImage.TYPE_BYTE_BINARY);
        image.setRGB(3, 1, 0xffffff);
        ImageInspection inspection = inspector.inspect(TestImages.png(image), "file");
        assertThat(inspection.shape()).containsExactly(2, 9, 1);
        assertThat(inspection.palette()).isFalse();
        assertThat(inspection.min()).isZero();
        assertThat(inspection.max()).isEqualTo(255);
    }

    @Test
    void noMoreThanTheLimitAtOnce() throws Exception {
        Optional<AutoCloseable> first = inspector.tryStart();
        Optional<AutoCloseable> second = inspector.tryStart();
        assertThat(first).isPresent();
        assertThat(second).isPresent();
        assertThat(inspector.tryStart()).isEmpty();
        first.get().close();
        first.get().close();
        assertThat(inspector.tryStart()).isPresent();
        assertThat(inspector.tryStart()).isEmpty();
    }

    @Test
    void aDeclaredGiantIsRefusedWithoutDecoding() {
        assertThatThrownBy(() -> inspector.inspect(TestImages.pngHeaderOnly(8000, 8000), "image"))
                .isInstanceOf(UserError.class).hasMessageStartingWith("image: ").hasMessageContaining("megapixels");
    }
}
