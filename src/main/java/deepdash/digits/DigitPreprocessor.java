package deepdash.digits;

import deepdash.i18n.Messages;
import deepdash.i18n.Text;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns a drawn digit into the 28x28 input an MNIST-trained network expects.
 *
 * <p>The steps follow how MNIST itself was made: find the ink, crop to its bounding box, scale it
 * (aspect ratio kept, anti-aliased) so the longer side is 20 pixels, then place it in a 28x28 field
 * with its centre of mass at pixel (14, 14), where MNIST has it. The result is row-major, 0 for background and 1 for full
 * ink: a white digit on black, like MNIST, whatever the canvas looked like.
 *
 * <p>Three canvas styles are recognised (see {@link CanvasStyle}): a transparent canvas (ink is
 * opacity), dark ink on a light background and light ink on a dark one. The background is taken to
 * be what most pixels show.
 */
public class DigitPreprocessor {

    /** Width and height of the model input. */
    public static final int SIDE_PIXELS = 28;
    /** Number of values in the model input. */
    public static final int PIXEL_COUNT = SIDE_PIXELS * SIDE_PIXELS;
    /** Side of the box the digit is scaled into, as in MNIST. */
    public static final int BOX_PIXELS = 20;

    /** Where MNIST puts the centre of mass, as a pixel index on each axis. */
    public static final int MASS_CENTRE_INDEX = SIDE_PIXELS / 2;

    /** Ink above this (after background removal) counts for the bounding box and the emptiness test. */
    static final double INK_THRESHOLD = 0.1;
    /** Strongest ink minus background below this: nothing was drawn, or it cannot be told apart. */
    static final double MIN_CONTRAST = 0.15;
    /** A few stray pixels are not a digit, even on a small image. */
    static final int MIN_INK_PIXELS = 3;
    /** On larger images, fewer ink pixels than this share of the area is not a digit either. */
    static final double MIN_INK_SHARE = 1.0 / 20_000;

    static final String EMPTY_CANVAS_KEY = "error.digit.empty_canvas";
    static final String EMPTY_CANVAS = Messages.ENGLISH.get(EMPTY_CANVAS_KEY);

    private static final int LEVELS = 256;

    /**
     * @param image a canvas export, any size and type
     * @return {@value #PIXEL_COUNT} values in 0..1, row-major, white digit on black
     * @throws InvalidDigitInputException if the canvas holds no recognisable ink
     */
    public float[] toMnistPixels(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        Channels channels = Channels.of(image);
        Background background = findBackground(channels);
        InkMap ink = inkMap(channels, background);
        InkMap box = scaleIntoBox(ink);
        return centreByMass(box.ink(), box.widthPixels(), box.heightPixels());
    }

    /** Which style {@link #toMnistPixels} would read the image as; exposed for tests. */
    static CanvasStyle detectStyle(BufferedImage image) {
        return findBackground(Channels.of(image)).style();
    }

    /**
     * Refuses pixel arrays that are not a valid model input.
     *
     * @param pixels {@value #PIXEL_COUNT} values in 0..1
     * @throws InvalidDigitInputException naming the first problem found
     */
    public static void validatePixels(float[] pixels) {
        checkLength(pixels == null ? -1 : pixels.length);
        for (int i = 0; i < pixels.length; i++) {
            checkPixel(i, pixels[i], Float.toString(pixels[i]));
        }
    }

    /**
     * Refuses pixel arrays that are not a valid model input.
     *
     * @param pixels {@value #PIXEL_COUNT} values in 0..1
     * @throws InvalidDigitInputException naming the first problem found
     */
    public static void validatePixels(double[] pixels) {
        checkLength(pixels == null ? -1 : pixels.length);
        for (int i = 0; i < pixels.length; i++) {
            checkPixel(i, pixels[i], Double.toString(pixels[i]));
        }
    }

    static void checkLength(int length) {
        if (length != PIXEL_COUNT) {
            throw new InvalidDigitInputException(length < 0 ? Text.of("error.digit.no_pixels", PIXEL_COUNT, SIDE_PIXELS)
                    : Text.of("error.digit.pixel_count", PIXEL_COUNT, SIDE_PIXELS, length));
        }
    }

    /** {@code shown} is the value as its own type prints it, so a float 1.7 reads "1.7", not 1.70000005. */
    private static void checkPixel(int index, double value, String shown) {
        if (Double.isNaN(value)) {
            throw new InvalidDigitInputException(Text.of("error.digit.nan", index));
        }
        if (Double.isInfinite(value)) {
            throw new InvalidDigitInputException(Text.of("error.digit.infinite", index));
        }
        if (value < 0 || value > 1) {
            throw new InvalidDigitInputException(Text.of("error.digit.outside", index, shown));
        }
    }

    // ---- (a) find the ink -------------------------------------------------------------------

    /** The canvas style and how much raw ink the background itself shows. */
    private record Background(CanvasStyle style, double inkLevel) {
    }

    /** Ink of a rectangle, row-major, 0..1 with the background removed. */
    private record InkMap(float[] ink, int widthPixels, int heightPixels) {
    }

    /** Alpha and luminance of every pixel, 0..1, row-major: read once, used twice. */
    private record Channels(float[] alpha, float[] luminance, int widthPixels, int heightPixels) {

        static Channels of(BufferedImage image) {
            int width = image.getWidth();
            int height = image.getHeight();
            float[] alpha = new float[width * height];
            float[] luminance = new float[width * height];
            if (!readInterleavedBytes(image, alpha, luminance)) {
                float[] alphaRow = new float[width];
                float[] luminanceRow = new float[width];
                for (int y = 0; y < height; y++) {
                    readRow(image, y, alphaRow, luminanceRow);
                    System.arraycopy(alphaRow, 0, alpha, y * width, width);
                    System.arraycopy(luminanceRow, 0, luminance, y * width, width);
                }
            }
            return new Channels(alpha, luminance, width, height);
        }
    }

    private static Background findBackground(Channels channels) {
        int[] alphaCounts = new int[LEVELS];
        int[] luminanceCounts = new int[LEVELS];
        float[] alpha = channels.alpha();
        float[] luminance = channels.luminance();
        for (int i = 0; i < alpha.length; i++) {
            alphaCounts[level(alpha[i])]++;
            luminanceCounts[level(luminance[i])]++;
        }
        double medianAlpha = median(alphaCounts);
        if (medianAlpha < 0.5) {
            return new Background(CanvasStyle.TRANSPARENT, medianAlpha);
        }
        double medianLuminance = median(luminanceCounts);
        return medianLuminance > 0.5
                ? new Background(CanvasStyle.DARK_ON_LIGHT, 1 - medianLuminance)
                : new Background(CanvasStyle.LIGHT_ON_DARK, medianLuminance);
    }

    private static InkMap inkMap(Channels channels, Background background) {
        int width = channels.widthPixels();
        int height = channels.heightPixels();
        float[] alpha = channels.alpha();
        float[] luminance = channels.luminance();
        float[] ink = new float[width * height];
        double peak = 0;
        for (int i = 0; i < ink.length; i++) {
            // Half-transparent pixels on an opaque canvas are blended with the background colour:
            // a * (1 - L) is the darkness of the pixel composited over white, a * L over black.
            float raw = switch (background.style()) {
                case TRANSPARENT -> alpha[i];
                case DARK_ON_LIGHT -> alpha[i] * (1 - luminance[i]);
                case LIGHT_ON_DARK -> alpha[i] * luminance[i];
            };
            ink[i] = raw;
            peak = Math.max(peak, raw);
        }
        double contrast = peak - background.inkLevel();
        if (contrast < MIN_CONTRAST) {
            throw new InvalidDigitInputException(Text.of(EMPTY_CANVAS_KEY));
        }

        // (b) Remove the background level and stretch, so an off-white page or grey pencil reads
        // like the full-contrast strokes MNIST has; then (c) find the bounding box.
        int left = width;
        int top = height;
        int right = -1;
        int bottom = -1;
        int inkPixels = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                float value = (float) clamp((ink[i] - background.inkLevel()) / contrast);
                ink[i] = value;
                if (value > INK_THRESHOLD) {
                    inkPixels++;
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        if (inkPixels < Math.max(MIN_INK_PIXELS, MIN_INK_SHARE * width * height)) {
            throw new InvalidDigitInputException(Text.of(EMPTY_CANVAS_KEY));
        }
        int boxWidth = right - left + 1;
        int boxHeight = bottom - top + 1;
        float[] cropped = new float[boxWidth * boxHeight];
        for (int y = 0; y < boxHeight; y++) {
            System.arraycopy(ink, (top + y) * width + left, cropped, y * boxWidth, boxWidth);
        }
        return new InkMap(cropped, boxWidth, boxHeight);
    }

    /**
     * The fast path for what ImageIO makes of a canvas export (8-bit RGBA or RGB, one byte per
     * sample, not premultiplied): the bytes straight from the raster, the same values
     * {@link #readRow} gets through {@code getRGB} at a fraction of the cost (about 2 ms less for
     * a 280x280 canvas).
     *
     * @return false if the image is stored some other way; nothing is written then
     */
    private static boolean readInterleavedBytes(BufferedImage image, float[] alpha, float[] luminance) {
        ColorModel colorModel = image.getColorModel();
        if (!(colorModel instanceof ComponentColorModel) || !colorModel.getColorSpace().isCS_sRGB()
                || colorModel.isAlphaPremultiplied() || colorModel.getPixelSize() != 8 * colorModel.getNumComponents()
                || colorModel.getNumComponents() != (colorModel.hasAlpha() ? 4 : 3)) {
            return false;
        }
        boolean withAlpha = colorModel.hasAlpha();
        Raster raster = image.getRaster();
        if (!(raster.getDataBuffer() instanceof DataBufferByte buffer)
                || !(raster.getSampleModel() instanceof PixelInterleavedSampleModel samples)
                || raster.getParent() != null || buffer.getNumBanks() != 1) {
            return false;
        }
        int stride = samples.getPixelStride();
        int scanline = samples.getScanlineStride();
        int[] offsets = samples.getBandOffsets();
        // Bands are R, G, B (and A) whatever their order in memory: TYPE_4BYTE_ABGR has them at byte 3, 2, 1, 0.
        int redOffset = offsets[0];
        int greenOffset = offsets[1];
        int blueOffset = offsets[2];
        int alphaOffset = withAlpha ? offsets[3] : -1;
        byte[] data = buffer.getData();
        int width = image.getWidth();
        int height = image.getHeight();
        for (int y = 0; y < height; y++) {
            int row = buffer.getOffset() + y * scanline;
            for (int x = 0; x < width; x++) {
                int pixel = row + x * stride;
                int i = y * width + x;
                alpha[i] = withAlpha ? (data[pixel + alphaOffset] & 0xff) / 255f : 1f;
                int red = data[pixel + redOffset] & 0xff;
                int green = data[pixel + greenOffset] & 0xff;
                int blue = data[pixel + blueOffset] & 0xff;
                luminance[i] = (0.299f * red + 0.587f * green + 0.114f * blue) / 255f;
            }
        }
        return true;
    }

    /**
     * Fills {@code alpha} and {@code luminance} (both 0..1) for one row. Luminance is the gamma-encoded
     * value, as MNIST grey levels are.
     */
    private static void readRow(BufferedImage image, int y, float[] alpha, float[] luminance) {
        int width = image.getWidth();
        ColorModel colorModel = image.getColorModel();
        if (!(colorModel instanceof IndexColorModel)
                && colorModel.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            // Grey PNGs decode to a linear-grey colour space, and getRGB would push every value
            // through a linear-to-sRGB curve (grey 128 comes back as about 188). The stored samples
            // are what the PNG meant, and what an MNIST digit saved as PNG holds.
            Raster raster = image.getRaster();
            double greyMax = (1 << colorModel.getComponentSize(0)) - 1;
            boolean hasAlpha = colorModel.hasAlpha() && raster.getNumBands() > 1;
            double alphaMax = hasAlpha ? (1 << colorModel.getComponentSize(1)) - 1 : 1;
            for (int x = 0; x < width; x++) {
                luminance[x] = (float) (raster.getSample(x, y, 0) / greyMax);
                alpha[x] = hasAlpha ? (float) (raster.getSample(x, y, 1) / alphaMax) : 1f;
            }
            return;
        }
        int[] argb = image.getRGB(0, y, width, 1, null, 0, width);
        for (int x = 0; x < width; x++) {
            int pixel = argb[x];
            alpha[x] = (pixel >>> 24) / 255f;
            int red = (pixel >> 16) & 0xff;
            int green = (pixel >> 8) & 0xff;
            int blue = pixel & 0xff;
            // ITU-R BT.601 weights, applied to gamma-encoded values like most image tools do.
            luminance[x] = (0.299f * red + 0.587f * green + 0.114f * blue) / 255f;
        }
    }

    private static int level(float value) {
        return (int) Math.round(clamp(value) * (LEVELS - 1));
    }

    private static double median(int[] counts) {
        long total = 0;
        for (int count : counts) {
            total += count;
        }
        long seen = 0;
        for (int level = 0; level < counts.length; level++) {
            seen += counts[level];
            if (seen * 2 >= total) {
                return level / (double) (LEVELS - 1);
            }
        }
        return 1;
    }

    // ---- (d) scale into the 20x20 box ---------------------------------------------------------

    private static InkMap scaleIntoBox(InkMap ink) {
        int width = ink.widthPixels();
        int height = ink.heightPixels();
        int longer = Math.max(width, height);
        int boxWidth = Math.max(1, (int) Math.round(width * (double) BOX_PIXELS / longer));
        int boxHeight = Math.max(1, (int) Math.round(height * (double) BOX_PIXELS / longer));
        float[] box = resize(ink.ink(), width, height, boxWidth, boxHeight);

        // A stroke much thinner than a box pixel averages out to a faint grey; MNIST digits almost all
        // reach full intensity, so stretch the strongest pixel back to 1.
        float peak = 0;
        for (float value : box) {
            peak = Math.max(peak, value);
        }
        for (int i = 0; i < box.length; i++) {
            box[i] = (float) clamp(box[i] / peak);
        }
        return new InkMap(box, boxWidth, boxHeight);
    }

    /** Separable resize: area averaging when shrinking (no aliasing at any factor), bilinear when growing. */
    static float[] resize(float[] source, int width, int height, int newWidth, int newHeight) {
        float[] rows = new float[newWidth * height];
        float[] line = new float[width];
        float[] resized = new float[newWidth];
        for (int y = 0; y < height; y++) {
            System.arraycopy(source, y * width, line, 0, width);
            resample(line, resized);
            System.arraycopy(resized, 0, rows, y * newWidth, newWidth);
        }
        float[] result = new float[newWidth * newHeight];
        float[] column = new float[height];
        float[] resizedColumn = new float[newHeight];
        for (int x = 0; x < newWidth; x++) {
            for (int y = 0; y < height; y++) {
                column[y] = rows[y * newWidth + x];
            }
            resample(column, resizedColumn);
            for (int y = 0; y < newHeight; y++) {
                result[y * newWidth + x] = resizedColumn[y];
            }
        }
        return result;
    }

    private static void resample(float[] source, float[] target) {
        int sourceLength = source.length;
        int targetLength = target.length;
        double sourcePerTarget = (double) sourceLength / targetLength;
        if (targetLength < sourceLength) {
            // Each target pixel is the mean of the source span it covers, partial pixels weighted.
            for (int t = 0; t < targetLength; t++) {
                double start = t * sourcePerTarget;
                double end = Math.min(sourceLength, (t + 1) * sourcePerTarget);
                double sum = 0;
                for (int s = (int) start; s < end; s++) {
                    double overlap = Math.min(end, s + 1) - Math.max(start, s);
                    sum += source[s] * overlap;
                }
                target[t] = (float) (sum / (end - start));
            }
        } else {
            for (int t = 0; t < targetLength; t++) {
                double position = (t + 0.5) * sourcePerTarget - 0.5;
                int lower = (int) Math.floor(position);
                double weight = position - lower;
                float below = source[Math.max(0, Math.min(sourceLength - 1, lower))];
                float above = source[Math.max(0, Math.min(sourceLength - 1, lower + 1))];
                target[t] = (float) (below * (1 - weight) + above * weight);
            }
        }
    }

    // ---- (e) centre by mass in 28x28 ---------------------------------------------------------

    private static float[] centreByMass(float[] box, int boxWidth, int boxHeight) {
        double mass = 0;
        double sumX = 0;
        double sumY = 0;
        for (int y = 0; y < boxHeight; y++) {
            for (int x = 0; x < boxWidth; x++) {
                float value = box[y * boxWidth + x];
                mass += value;
                sumX += x * value;
                sumY += y * value;
            }
        }
        // MNIST puts the centre of mass, in pixel indices, at (14, 14): over all 70,000 digits it
        // lies in 13.5..14.5 on each axis. That is half a pixel right of and below the geometric
        // centre (13.5), and a CNN trained on MNIST has learned that offset.
        //
        // Whole-pixel shift, as MNIST did: a sub-pixel shift would blur every stroke. The shift is
        // kept so the box stays inside the field; a lopsided digit (a "7" is heavy at the top)
        // would otherwise lose a row of ink for a perfect centre of mass.
        int left = clampShift(wholePixels(MASS_CENTRE_INDEX - sumX / mass), boxWidth);
        int top = clampShift(wholePixels(MASS_CENTRE_INDEX - sumY / mass), boxHeight);
        float[] field = new float[PIXEL_COUNT];
        for (int y = 0; y < boxHeight; y++) {
            for (int x = 0; x < boxWidth; x++) {
                field[(top + y) * SIDE_PIXELS + left + x] = (float) clamp(box[y * boxWidth + x]);
            }
        }
        return field;
    }

    /**
     * Rounds to whole pixels after rounding to a thousandth: a symmetric digit has its centre of mass
     * exactly between two pixels, and float noise must not decide which way it goes.
     */
    private static int wholePixels(double offsetPixels) {
        return (int) Math.round(Math.round(offsetPixels * 1000) / 1000.0);
    }

    private static int clampShift(int offset, int extent) {
        return Math.max(0, Math.min(SIDE_PIXELS - extent, offset));
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
