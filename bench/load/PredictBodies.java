import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.StringJoiner;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;

/**
 * Writes request bodies for {@code POST /api/predict} from MNIST test digits, one JSON object a line:
 * {@code pixels.bodies} (784 numbers, as an API client sends) and {@code png.bodies} (a 280x280
 * transparent canvas with dark, soft-edged ink, as the draw page's {@code canvas.toDataURL()}
 * sends; drawn like the tests' DigitPngRenderer). JDK only, run as a source file:
 * {@code java bench/load/PredictBodies.java data/mnist/t10k-images-idx3-ubyte.gz OUT_DIR COUNT}.
 */
public final class PredictBodies {

    private static final int SIDE = 28;
    private static final int CANVAS = 280;

    public static void main(String[] args) throws IOException {
        Path images = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        Files.createDirectories(out);
        try (InputStream raw = new GZIPInputStream(Files.newInputStream(images));
                DataInputStream in = new DataInputStream(raw);
                PrintWriter pixelBodies = new PrintWriter(Files.newBufferedWriter(out.resolve("pixels.bodies"),
                        StandardCharsets.UTF_8));
                PrintWriter pngBodies = new PrintWriter(Files.newBufferedWriter(out.resolve("png.bodies"),
                        StandardCharsets.UTF_8))) {
            if (in.readInt() != 2051) {
                throw new IOException(images + " is not an IDX image file");
            }
            int stored = in.readInt();
            in.readInt();
            in.readInt();
            byte[] digit = new byte[SIDE * SIDE];
            for (int n = 0; n < Math.min(count, stored); n++) {
                in.readFully(digit);
                float[] pixels = new float[digit.length];
                StringJoiner array = new StringJoiner(",", "[", "]");
                for (int i = 0; i < digit.length; i++) {
                    pixels[i] = (digit[i] & 0xff) / 255f;
                    array.add(Float.toString(pixels[i]));
                }
                pixelBodies.println("{\"pixels\":" + array + "}");
                pngBodies.println("{\"image\":\"data:image/png;base64,"
                        + Base64.getEncoder().encodeToString(png(pixels)) + "\"}");
            }
        }
    }

    private static byte[] png(float[] pixels) throws IOException {
        BufferedImage image = new BufferedImage(CANVAS, CANVAS, BufferedImage.TYPE_INT_ARGB);
        double sourcePerTarget = (double) SIDE / CANVAS;
        for (int y = 0; y < CANVAS; y++) {
            for (int x = 0; x < CANVAS; x++) {
                double ink = bilinear(pixels, (x + 0.5) * sourcePerTarget - 0.5, (y + 0.5) * sourcePerTarget - 0.5);
                image.setRGB(x, y, (int) Math.round(ink * 255) << 24 | 0x101010);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    private static double bilinear(float[] pixels, double x, double y) {
        int left = (int) Math.floor(x);
        int top = (int) Math.floor(y);
        double dx = x - left;
        double dy = y - top;
        return (1 - dy) * ((1 - dx) * at(pixels, left, top) + dx * at(pixels, left + 1, top))
                + dy * ((1 - dx) * at(pixels, left, top + 1) + dx * at(pixels, left + 1, top + 1));
    }

    private static double at(float[] pixels, int x, int y) {
        return x < 0 || y < 0 || x >= SIDE || y >= SIDE ? 0 : pixels[y * SIDE + x];
    }
}
