package deepdash.digits;

import deepdash.i18n.Text;
import deepdash.images.PngChunks;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Turns the PNG a browser canvas exports ({@code canvas.toDataURL()}) into a {@link BufferedImage}.
 *
 * <p>The input is untrusted, so the decoder reads the size and bit depth the PNG declares in its
 * IHDR header and refuses what a canvas never exports before ImageIO allocates or inflates
 * anything: a few hundred bytes of compressed PNG can declare gigapixels, and a 52 KB
 * 2048x2048 16-bit RGBA image took 1.3 s of CPU and 90 MB to decode before it was refused.
 * Every refusal is an {@link InvalidDigitInputException} whose message starts with
 * {@code "image: "}.
 *
 * <p>The size of the request itself is not limited here; that belongs to the HTTP layer.
 */
public class CanvasImageDecoder {

    /**
     * Largest width or height accepted by default: the draw page's canvas is 280 pixels wide, and
     * a high-density screen exports it at most at four times that.
     */
    public static final int DEFAULT_MAX_SIDE_PIXELS = 1024;

    /** Bits per channel a canvas export uses; 16-bit images cost twice the memory and far more time. */
    public static final int MAX_BIT_DEPTH = 8;

    private static final Text NOT_A_PNG = Text.of("error.canvas.not_png");

    private final int maxSidePixels;

    /** A decoder that accepts images up to {@value #DEFAULT_MAX_SIDE_PIXELS} pixels a side. */
    public CanvasImageDecoder() {
        this(DEFAULT_MAX_SIDE_PIXELS);
    }

    /**
     * @param maxSidePixels largest width or height accepted, at least 1
     */
    public CanvasImageDecoder(int maxSidePixels) {
        if (maxSidePixels < 1) {
            throw new IllegalArgumentException("maxSidePixels must be at least 1, got " + maxSidePixels);
        }
        this.maxSidePixels = maxSidePixels;
    }

    /**
     * Decodes a canvas export.
     *
     * @param dataUrl {@code data:image/png;base64,...}, or the bare base64 of a PNG
     * @return the decoded image, in whatever type ImageIO's PNG reader produces
     * @throws InvalidDigitInputException if the input is missing, not base64, not a PNG, declares
     *                                    too many (or zero) pixels, or is damaged
     */
    public BufferedImage decode(String dataUrl) {
        return decodeChecked(pngBytes(dataUrl));
    }

    /**
     * The PNG a canvas export carries, its size and bit depth checked but not yet decoded: for a
     * caller that keeps the bytes as sent (the saved drawings) and decodes them with
     * {@link #decodeChecked}.
     *
     * @param dataUrl {@code data:image/png;base64,...}, or the bare base64 of a PNG
     * @throws InvalidDigitInputException as {@link #decode} does, for everything but damage found
     *                                    while decoding
     */
    public byte[] pngBytes(String dataUrl) {
        byte[] png = base64Payload(dataUrl);
        checkHeader(png);
        return png;
    }

    /**
     * Decodes PNG bytes as {@link #decode} does a data URL, header checks included.
     *
     * @throws InvalidDigitInputException if the bytes are not a PNG a canvas exports, or damaged
     */
    public BufferedImage decodeChecked(byte[] png) {
        checkHeader(png);
        return decodePng(criticalChunksOnly(png));
    }

    private static byte[] base64Payload(String dataUrl) {
        if (dataUrl == null || dataUrl.isBlank()) {
            throw new InvalidDigitInputException(Text.of("error.canvas.missing"));
        }
        String text = dataUrl.strip();
        String payload = text;
        if (text.regionMatches(true, 0, "data:", 0, 5)) {
            int comma = text.indexOf(',');
            if (comma < 0) {
                throw new InvalidDigitInputException(Text.of("error.canvas.no_comma"));
            }
            String header = text.substring(5, comma).toLowerCase(Locale.ROOT);
            if (!header.equals("image/png") && !header.startsWith("image/png;")) {
                throw new InvalidDigitInputException(NOT_A_PNG);
            }
            if (!header.endsWith(";base64")) {
                throw new InvalidDigitInputException(Text.of("error.canvas.not_base64_url"));
            }
            payload = text.substring(comma + 1);
        }
        // Some clients wrap long base64 lines; the strict decoder below would reject the breaks.
        payload = withoutWhitespace(payload);
        if (payload.isEmpty()) {
            throw new InvalidDigitInputException(Text.of("error.canvas.no_data"));
        }
        try {
            // The basic decoder, not the MIME one: MIME silently skips foreign characters, so garbage
            // would "decode" and fail later with a less useful message.
            return Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            throw new InvalidDigitInputException(Text.of("error.canvas.bad_base64"), e);
        }
    }

    /** A regex replace costs a scan plus a copy of every canvas export; most hold no whitespace. */
    private static String withoutWhitespace(String text) {
        int first = 0;
        while (first < text.length() && !isSpace(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        kept.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isSpace(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** What the regex {@code \\s} matches: line breaks and the ASCII blanks, nothing else. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * Reads width, height and bit depth from the IHDR chunk, which the PNG spec requires to come
     * first, and refuses what is larger or deeper than a canvas export.
     */
    private void checkHeader(byte[] png) {
        if (!PngChunks.isPng(png)) {
            throw new InvalidDigitInputException(NOT_A_PNG);
        }
        PngChunks.Header header;
        try {
            header = PngChunks.header(png);
        } catch (PngChunks.DamagedPngException e) {
            throw new InvalidDigitInputException(Text.of("error.canvas.no_header"));
        }
        long widthPixels = header.widthPixels();
        long heightPixels = header.heightPixels();
        if (widthPixels == 0 || heightPixels == 0) {
            throw new InvalidDigitInputException(Text.of("error.canvas.empty_size", widthPixels, heightPixels));
        }
        if (widthPixels > maxSidePixels || heightPixels > maxSidePixels) {
            throw new InvalidDigitInputException(Text.of("error.canvas.too_large", widthPixels, heightPixels,
                    maxSidePixels));
        }
        int bitDepth = header.bitDepth();
        if (bitDepth > MAX_BIT_DEPTH) {
            throw new InvalidDigitInputException(Text.of("error.canvas.bit_depth", widthPixels, heightPixels, bitDepth,
                    MAX_BIT_DEPTH));
        }
    }

    /**
     * Copies the PNG keeping only critical chunks and tRNS. Ancillary chunks such as zTXt, iTXt and
     * iCCP are compressed and would be inflated by ImageIO without any size limit, so they are a
     * second way to smuggle in a decompression bomb; a canvas export never needs them.
     */
    private static byte[] criticalChunksOnly(byte[] png) {
        try {
            return PngChunks.criticalOnly(png);
        } catch (PngChunks.DamagedPngException e) {
            throw new InvalidDigitInputException(Text.of("error.canvas.truncated"));
        }
    }

    /** Decodes a PNG whose header has been checked; the one step that costs time and memory. */
    BufferedImage decodePng(byte[] png) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
        if (!readers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no PNG reader");
        }
        ImageReader reader = readers.next();
        // A memory-backed stream: ImageIO.read would otherwise spill to a temp file per request.
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(png))) {
            reader.setInput(input, true, true);
            return reader.read(0);
        } catch (IOException | RuntimeException e) {
            // The PNG reader throws assorted runtime exceptions on crafted data, not only IIOException.
            throw new InvalidDigitInputException(Text.of("error.canvas.undecodable"), e);
        } finally {
            reader.dispose();
        }
    }
}
