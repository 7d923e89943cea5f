package deepdash.digits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CanvasImageDecoderTest {

    private static final String NOT_A_PNG = "image: not a PNG (expected a data:image/png;base64 URL)";
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final CanvasImageDecoder decoder = new CanvasImageDecoder();
    private final BufferedImage canvas = strokeOnTransparentCanvas();
    private final byte[] png = encode(canvas);

    @Test
    void decodesCanvasDataUrl() {
        BufferedImage decoded = decoder.decode(dataUrl(png));

        assertThat(decoded.getWidth()).isEqualTo(280);
        assertThat(decoded.getHeight()).isEqualTo(280);
        assertThat(argb(decoded)).isEqualTo(argb(canvas));
    }

    @Test
    void acceptsBareBase64() {
        BufferedImage decoded = decoder.decode(Base64.getEncoder().encodeToString(png));

        assertThat(argb(decoded)).isEqualTo(argb(canvas));
    }

    @Test
    void acceptsUpperCaseMediaTypeAndWrappedLines() {
        String wrapped = Base64.getMimeEncoder().encodeToString(png);

        BufferedImage decoded = decoder.decode("  DATA:IMAGE/PNG;BASE64," + wrapped + "\n");

        assertThat(wrapped).contains("\r\n");
        assertThat(argb(decoded)).isEqualTo(argb(canvas));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void refusesMissingImage(String input) {
        assertThatThrownBy(() -> decoder.decode(input))
                .isInstanceOf(InvalidDigitInputException.class)
                .hasMessage("image: missing (expected a data:image/png;base64 URL)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"data:image/png;base64,@@@@not*base64", "hello world!", "YWJj=YWJj"})
    void refusesBase64Garbage(String input) {
        assertThatThrownBy(() -> decoder.decode(input))
                .isInstanceOf(InvalidDigitInputException.class)
                .hasMessage("image: not valid base64 (expected a data:image/png;base64 URL)");
    }

    @Test
    void refusesBytesThatAreNotPng() {
        byte[] gifHeader = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
        String gif = Base64.getEncoder().encodeToString(gifHeader);

        assertThatThrownBy(() -> decoder.decode("data:image/png;base64," + gif))
                .isInstanceOf(InvalidDigitInputException.class)
                .hasMessage(NOT_A_PNG);
        assertThatThrownBy(() -> decoder.decode(gif)).hasMessage(NOT_A_PNG);
    }

    @Test
    void refusesOtherMediaTypes() {
        String body = Base64.getEncoder().encodeToString(png);

        assertThatThrownBy(() -> decoder.decode("data:image/jpeg;base64," + body))
                .isInstanceOf(InvalidDigitInputException.class)
                .hasMessage(NOT_A_PNG);
    }

    @Test
    void refusesDataUrlThatIsNotBase64Encoded() {
        assertThatThrownBy(() -> decoder.decode("data:image/png,%89PNG"))
                .isInstanceOf(InvalidDigitInputException.class)
                .hasMessage("image: the data URL is not base64-encoded (expected a data:image/png;base64 URL)");
    }

    @Test
    void refusesHugeDeclaredSizeWithoutDecoding() {
        // The body is not valid image data: had ImageIO been asked, the message would say "damaged".
        byte[] bomb = pngWithHeader(100_000, 100_000, "bogus body, never inflated".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> decoder.decode(dataUrl(bomb)))
                .isInstanceOf(InvalidDigitInputException.class)
                .hasMessage("image: PNG declares 100000x100000 pixels; the limit is 1024x1024");
    }

    @Test
    void refusesOneOversizedSide() {
        assertThatThrownBy(() -> decoder.decode(dataUrl(pngWithHeader(4096, 16, new byte[0]))))
                .hasMessage("image: PNG declares 4096x16 pixels; the limit is 1024x1024");
        assertThatThrownBy(() -> decoder.decode(dataUrl(pngWithHeader(16, 0xFFFF_FFFF, new byte[0]))))
                .hasMessage("image: PNG declares 16x4294967295 pixels; the limit is 1024x1024");
    }

    @Test
    void refusesAWellFormedLargeSixteenBitImageFromItsHeaderWithoutDecodingIt() {
        // 2048x2048 RGBA at 16 bits a channel: tens of kilobytes that took a second of CPU to decode.
        byte[] large = GeneratedPngs.rgba(2048, 2048, 16);
        CountingDecoder counting = new CountingDecoder();

        assertThatThrownBy(() -> counting.decode(GeneratedPngs.dataUrl(large)))
                .isInstanceOf(InvalidDigitInputException.class)
                .hasMessage("image: PNG declares 2048x2048 pixels; the limit is 1024x1024");
        assertThat(counting.decoded).isZero();
        assertThat(large.length).isLessThan(100_000);
    }

    @Test
    void refusesSixteenBitsPerChannelAtAnySizeWithoutDecoding() {
        CountingDecoder counting = new CountingDecoder();

        assertThatThrownBy(() -> counting.decode(GeneratedPngs.dataUrl(GeneratedPngs.rgba(280, 280, 16))))
                .isInstanceOf(InvalidDigitInputException.class)
                .hasMessage("image: PNG of 280x280 pixels uses 16 bits per channel; the limit is 8, as a canvas"
                        + " exports");
        assertThat(counting.decoded).isZero();
    }

    @Test
    void decodesTheLargestImageAccepted() {
        CountingDecoder counting = new CountingDecoder();

        BufferedImage decoded = counting.decode(GeneratedPngs.dataUrl(GeneratedPngs.rgba(1024, 1024, 8)));

        assertThat(decoded.getWidth()).isEqualTo(1024);
        assertThat(decoded.getHeight()).isEqualTo(1024);
        assertThat(decoded.getRGB(512, 512)).isEqualTo(0xFF000000);
        assertThat(counting.decoded).isEqualTo(1);
    }

    @Test
    void refusesZeroSize() {
        assertThatThrownBy(() -> decoder.decode(dataUrl(pngWithHeader(0, 28, new byte[0]))))
                .isInstanceOf(InvalidDigitInputException.class)
                .hasMessage("image: PNG declares 0x28 pixels; an image needs at least 1x1");
    }

    @Test
    void honoursConfiguredLimit() {
        assertThat(new CanvasImageDecoder(280).decode(dataUrl(png)).getWidth()).isEqualTo(280);
        assertThatThrownBy(() -> new CanvasImageDecoder(279).decode(dataUrl(png)))
                .hasMessage("image: PNG declares 280x280 pixels; the limit is 279x279");
    }

    @Test
    void refusesPngWithoutHeaderChunk() {
        assertThatThrownBy(() -> decoder.decode(dataUrl(SIGNATURE)))
                .isInstanceOf(InvalidDigitInputException.class)
                .hasMessage("image: damaged PNG, its IHDR header is missing");
    }

    @Test
    void refusesTruncatedPng() {
        byte[] truncated = Arrays.copyOf(png, png.length / 2);

        assertThatThrownBy(() -> decoder.decode(dataUrl(truncated)))
                .isInstanceOf(InvalidDigitInputException.class)
                .hasMessageStartingWith("image: damaged PNG");
    }

    @Test
    void refusesUndecodableImageData() {
        byte[] garbage = pngWithHeader(28, 28, chunk("IDAT", "not zlib data".getBytes(StandardCharsets.US_ASCII)));

        assertThatThrownBy(() -> decoder.decode(dataUrl(garbage)))
                .isInstanceOf(InvalidDigitInputException.class)
                .hasMessage("image: damaged PNG, it could not be decoded")
                .cause().isNotNull();
    }

    @Test
    void skipsAncillaryChunksSuchAsCompressedText() {
        // A zTXt chunk after IHDR (at byte 33); its content would be inflated by ImageIO if kept.
        byte[] text = chunk("zTXt", "Comment\0\0not really deflate".getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream withText = new ByteArrayOutputStream();
        withText.write(png, 0, 33);
        withText.writeBytes(text);
        withText.write(png, 33, png.length - 33);

        BufferedImage decoded = decoder.decode(dataUrl(withText.toByteArray()));

        assertThat(argb(decoded)).isEqualTo(argb(canvas));
    }

    /** Counts how often the costly step, decoding the pixels, is reached. */
    private static final class CountingDecoder extends CanvasImageDecoder {

        int decoded;

        @Override
        BufferedImage decodePng(byte[] png) {
            decoded++;
            return super.decodePng(png);
        }
    }

    /** A browser canvas export in miniature: transparent, one anti-aliased dark stroke. */
    private static BufferedImage strokeOnTransparentCanvas() {
        BufferedImage image = new BufferedImage(280, 280, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(16, 16, 16));
        g.setStroke(new BasicStroke(18, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawPolyline(new int[] {60, 220, 120}, new int[] {50, 50, 240}, 3);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dataUrl(byte[] bytes) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /** Signature, an IHDR for an 8-bit RGBA image of the given size, then {@code rest} as is. */
    private static byte[] pngWithHeader(int widthPixels, int heightPixels, byte[] rest) {
        ByteBuffer header = ByteBuffer.allocate(13)
                .putInt(widthPixels)
                .putInt(heightPixels)
                .put((byte) 8)
                .put((byte) 6)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        out.writeBytes(chunk("IHDR", header.array()));
        out.writeBytes(rest);
        return out.toByteArray();
    }

    /** A chunk with a zero CRC: the decoder never checks CRCs, and neither does ImageIO. */
    private static byte[] chunk(String type, byte[] data) {
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(type.getBytes(StandardCharsets.US_ASCII))
                .put(data)
                .putInt(0)
                .array();
    }

    private static int[] argb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
