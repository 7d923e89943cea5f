package deepdash.explore;

import deepdash.errors.UserError;
import deepdash.i18n.Messages;
import deepdash.i18n.Text;
import deepdash.images.PngChunks;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads a PNG or JPEG the way the seed tutorial looks at an image: its shape (height x width x
 * channels), its smallest and largest value, and each channel on its own.
 *
 * <p>The input is untrusted. The format is sniffed from the first bytes, not taken from a name or a
 * type. The size the file declares is read before anything is decoded, and images whose decoded
 * pixels would take more than {@link #MAX_DECODED_BYTES} are refused; PNG ancillary chunks are
 * dropped ({@link PngChunks}). At most a few images are decoded at once ({@link #tryStart()}).
 * Channels are counted from the decoded image's {@link ColorModel}: grey 1, grey and alpha 2, RGB 3,
 * RGBA 4; a palette image is reported expanded to RGB (or RGBA when its palette has transparency).
 */
public final class ImageInspector {

    /** Largest width or height accepted. */
    public static final int MAX_SIDE_PIXELS = 8192;
    /** Decoded pixels, counted at four samples a pixel: 16 megapixels at 8 bits, 8 at 16 bits. */
    public static final long MAX_DECODED_BYTES = 64L * 1024 * 1024;
    /** Channel previews are at most this many pixels a side; larger images are averaged down. */
    public static final int MAX_PREVIEW_SIDE = 256;

    private static final Text EXPECTED = Text.of("inspect.expected_file");
    private static final byte[] JPEG_START = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private final int maxConcurrent;
    private final Semaphore free;

    /** @param maxConcurrent how many images may be decoded at once, at least 1 */
    public ImageInspector(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
        }
        this.maxConcurrent = maxConcurrent;
        this.free = new Semaphore(maxConcurrent);
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    /**
     * The right to receive and decode one image, to be closed when done; empty when every one is
     * taken (the caller answers 503). Never waits: a decoded image can take tens of megabytes.
     */
    public Optional<AutoCloseable> tryStart() {
        if (!free.tryAcquire()) {
            return Optional.empty();
        }
        AtomicBoolean open = new AtomicBoolean(true);
        return Optional.of(() -> {
            if (open.compareAndSet(true, false)) {
                free.release();
            }
        });
    }

    /**
     * @param bytes the file's content
     * @param field the request part it came in, named in every refusal
     * @throws InvalidImageException when it is not a PNG or JPEG, too large, or cannot be decoded
     */
    public ImageInspection inspect(byte[] bytes, String field) {
        return inspect(bytes, field, Messages.ENGLISH);
    }

    /** {@link #inspect(byte[], String)} with its notes in {@code t}'s language. */
    public ImageInspection inspect(byte[] bytes, String field, Messages t) {
        if (bytes.length == 0) {
            throw new InvalidImageException(field, Text.of("error.image.empty", EXPECTED));
        }
        boolean png = PngChunks.isPng(bytes);
        boolean jpeg = !png && bytes.length >= JPEG_START.length && bytes[0] == JPEG_START[0]
                && bytes[1] == JPEG_START[1] && bytes[2] == JPEG_START[2];
        if (!png && !jpeg) {
            throw new InvalidImageException(field, Text.of("error.image.signature", EXPECTED));
        }
        PngChunks.Header header = null;
        byte[] input = bytes;
        if (png) {
            try {
                header = PngChunks.header(bytes);
                checkSize(header.widthPixels(), header.heightPixels(), header.bitDepth() > 8 ? 2 : 1, field);
                input = PngChunks.criticalOnly(bytes);
            } catch (PngChunks.DamagedPngException e) {
                throw new InvalidImageException(field, e.getMessage());
            }
        }
        String format = png ? "png" : "jpeg";
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no " + format + " reader");
        }
        ImageReader reader = readers.next();
        // A memory-backed stream: ImageIO.read would otherwise spill to a temporary file per request.
        try (ImageInputStream stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(input))) {
            reader.setInput(stream, true, true);
            // For a JPEG this reads the markers up to the frame header, not the pixels.
            checkSize(reader.getWidth(0), reader.getHeight(0), 1, field);
            BufferedImage image = reader.read(0);
            boolean paletteFile = header != null && header.colourType() == PngChunks.COLOUR_TYPE_PALETTE;
            return analyse(image, format, paletteFile, field, t);
        } catch (UserError e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // The readers throw assorted runtime exceptions on crafted data, not only IIOException.
            throw new InvalidImageException(field, e.getMessage() == null
                    ? Text.of("error.image.undecodable", format.toUpperCase(Locale.ROOT))
                    : Text.of("error.image.undecodable_why", format.toUpperCase(Locale.ROOT), e.getMessage()), e);
        } finally {
            reader.dispose();
        }
    }

    private static void checkSize(long widthPixels, long heightPixels, int bytesPerSample, String field) {
        if (widthPixels == 0 || heightPixels == 0) {
            throw new InvalidImageException(field, Text.of("error.image.empty_size", widthPixels, heightPixels));
        }
        if (widthPixels > MAX_SIDE_PIXELS || heightPixels > MAX_SIDE_PIXELS) {
            throw new InvalidImageException(field, Text.of("error.image.side",
                    String.format(Locale.ROOT, "%,d", widthPixels), String.format(Locale.ROOT, "%,d", heightPixels),
                    String.format(Locale.ROOT, "%,d", MAX_SIDE_PIXELS)));
        }
        long maxPixels = MAX_DECODED_BYTES / (4L * bytesPerSample);
        if (widthPixels * heightPixels > maxPixels) {
            throw new InvalidImageException(field, Text.of(bytesPerSample > 1 ? "error.image.pixels16" : "error.image.pixels",
                    String.format(Locale.ROOT, "%,d", widthPixels), String.format(Locale.ROOT, "%,d", heightPixels),
                    String.format(Locale.ROOT, "%.1f", widthPixels * heightPixels / 1e6),
                    String.format(Locale.ROOT, "%.1f", maxPixels / 1e6)));
        }
    }

    /** How one decoded image's samples map to the channels reported. */
    private interface Channels {
        String[] names();

        int maxValue();

        /** Writes each channel's value of every pixel of a raster row into {@code values}, pixel-major. */
        void row(int[] samples, int widthPixels, int[] values);
    }

    private static ImageInspection analyse(BufferedImage image, String format, boolean paletteFile, String field,
            Messages t) {
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        Channels channels = model instanceof IndexColorModel palette
                ? paletteChannels(palette, paletteFile)
                : componentChannels(model, bands, field);
        String[] names = channels.names();
        int count = names.length;
        int width = image.getWidth();
        int height = image.getHeight();
        int scale = Math.max(1, ceilDiv(Math.max(width, height), MAX_PREVIEW_SIDE));
        int previewWidth = ceilDiv(width, scale);
        int previewHeight = ceilDiv(height, scale);
        long[][] sums = new long[count][previewWidth * previewHeight];
        int[] min = new int[count];
        int[] max = new int[count];
        Arrays.fill(min, Integer.MAX_VALUE);
        Arrays.fill(max, Integer.MIN_VALUE);
        int[] samples = new int[width * bands];
        int[] values = new int[width * count];
        for (int y = 0; y < height; y++) {
            raster.getPixels(0, y, width, 1, samples);
            channels.row(samples, width, values);
            int previewRow = (y / scale) * previewWidth;
            for (int x = 0; x < width; x++) {
                int cell = previewRow + x / scale;
                for (int c = 0; c < count; c++) {
                    int value = values[x * count + c];
                    min[c] = Math.min(min[c], value);
                    max[c] = Math.max(max[c], value);
                    sums[c][cell] += value;
                }
            }
        }
        Base64.Encoder base64 = Base64.getEncoder();
        List<ChannelSummary> summaries = new ArrayList<>(count);
        int overallMin = Integer.MAX_VALUE;
        int overallMax = Integer.MIN_VALUE;
        for (int c = 0; c < count; c++) {
            byte[] preview = new byte[previewWidth * previewHeight];
            for (int py = 0; py < previewHeight; py++) {
                int blockHeight = Math.min(scale, height - py * scale);
                for (int px = 0; px < previewWidth; px++) {
                    int blockWidth = Math.min(scale, width - px * scale);
                    double mean = (double) sums[c][py * previewWidth + px] / ((long) blockWidth * blockHeight);
                    preview[py * previewWidth + px] = (byte) Math.round(mean * 255 / channels.maxValue());
                }
            }
            summaries.add(new ChannelSummary(names[c], min[c], max[c], base64.encodeToString(preview)));
            overallMin = Math.min(overallMin, min[c]);
            overallMax = Math.max(overallMax, max[c]);
        }
        boolean hasAlpha = names[count - 1].equals("A");
        int bits = 32 - Integer.numberOfLeadingZeros(channels.maxValue());
        ImagePreview preview = new ImagePreview(previewWidth, previewHeight, scale);
        List<String> notes = new ArrayList<>();
        if (model instanceof IndexColorModel && paletteFile) {
            notes.add(t.get("inspect.note.palette", ((IndexColorModel) model).getMapSize(), String.join("", names)));
        }
        if (count <= 2) {
            notes.add(t.get(hasAlpha ? "inspect.note.greyAlpha" : "inspect.note.grey"));
        }
        if (hasAlpha) {
            notes.add(t.get("inspect.note.alpha", channels.maxValue()));
        }
        if (bits > 8) {
            notes.add(t.get("inspect.note.bits", bits, String.format(Locale.ROOT, "%,d", channels.maxValue())));
        }
        if (preview.downscaled()) {
            notes.add(t.get("inspect.note.downscaled", previewWidth, previewHeight, scale));
        }
        return new ImageInspection(List.of(height, width, count), overallMin, overallMax, List.copyOf(summaries),
                hasAlpha, format, model instanceof IndexColorModel && paletteFile, bits, preview, List.copyOf(notes));
    }

    /**
     * Palette images, and grey PNGs of 1, 2 or 4 bits (which ImageIO also decodes to a colour
     * table, a grey ramp): indices are looked up in the table.
     */
    private static Channels paletteChannels(IndexColorModel palette, boolean paletteFile) {
        int size = palette.getMapSize();
        int[] reds = new int[size];
        int[] greens = new int[size];
        int[] blues = new int[size];
        int[] alphas = new int[size];
        boolean allGrey = !paletteFile;
        for (int i = 0; i < size; i++) {
            reds[i] = palette.getRed(i);
            greens[i] = palette.getGreen(i);
            blues[i] = palette.getBlue(i);
            alphas[i] = palette.getAlpha(i);
            allGrey &= reds[i] == greens[i] && greens[i] == blues[i];
        }
        boolean grey = allGrey;
        boolean alpha = palette.hasAlpha();
        String[] names = grey ? (alpha ? new String[] {"grey", "A"} : new String[] {"grey"})
                : (alpha ? new String[] {"R", "G", "B", "A"} : new String[] {"R", "G", "B"});
        return new Channels() {
            @Override
            public String[] names() {
                return names;
            }

            @Override
            public int maxValue() {
                return 255;
            }

            @Override
            public void row(int[] samples, int widthPixels, int[] values) {
                int count = names.length;
                for (int x = 0; x < widthPixels; x++) {
                    int index = samples[x];
                    int at = x * count;
                    values[at] = reds[index];
                    if (!grey) {
                        values[at + 1] = greens[index];
                        values[at + 2] = blues[index];
                    }
                    if (alpha) {
                        values[at + count - 1] = alphas[index];
                    }
                }
            }
        };
    }

    /** Grey or RGB images, with or without alpha: one raster band per channel, in the model's order. */
    private static Channels componentChannels(ColorModel model, int bands, String field) {
        int colourType = model.getColorSpace().getType();
        boolean alpha = model.hasAlpha();
        String[] names;
        if (colourType == ColorSpace.TYPE_GRAY && model.getNumColorComponents() == 1) {
            names = alpha ? new String[] {"grey", "A"} : new String[] {"grey"};
        } else if (colourType == ColorSpace.TYPE_RGB && model.getNumColorComponents() == 3) {
            names = alpha ? new String[] {"R", "G", "B", "A"} : new String[] {"R", "G", "B"};
        } else {
            throw new InvalidImageException(field, Text.of("error.image.colours"));
        }
        if (bands != names.length) {
            throw new InvalidImageException(field, Text.of("error.image.bands", bands, names.length));
        }
        int bits = 0;
        for (int c = 0; c < names.length; c++) {
            bits = Math.max(bits, model.getComponentSize(c));
        }
        int maxValue = (1 << bits) - 1;
        return new Channels() {
            @Override
            public String[] names() {
                return names;
            }

            @Override
            public int maxValue() {
                return maxValue;
            }

            @Override
            public void row(int[] samples, int widthPixels, int[] values) {
                System.arraycopy(samples, 0, values, 0, widthPixels * names.length);
            }
        };
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
