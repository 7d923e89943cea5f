package deepdash.digits;

/** Measures on 28x28 model inputs, for tests. */
final class PixelStats {

    private static final int SIDE = DigitPreprocessor.SIDE_PIXELS;

    /** Bounding box of the non-zero pixels, edges inclusive. */
    record Box(int left, int top, int right, int bottom) {
        int widthPixels() {
            return right - left + 1;
        }

        int heightPixels() {
            return bottom - top + 1;
        }
    }

    /** Centre of mass in pixel indices, where MNIST puts it at (14, 14). */
    record Point(double x, double y) {
        double distanceTo(double otherX, double otherY) {
            return Math.hypot(x - otherX, y - otherY);
        }
    }

    private PixelStats() {
    }

    static double meanAbsoluteDifference(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    static Point centreOfMass(float[] pixels) {
        double mass = 0;
        double sumX = 0;
        double sumY = 0;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                float value = pixels[y * SIDE + x];
                mass += value;
                sumX += x * value;
                sumY += y * value;
            }
        }
        return new Point(sumX / mass, sumY / mass);
    }

    static Box inkBox(float[] pixels) {
        int left = SIDE;
        int top = SIDE;
        int right = -1;
        int bottom = -1;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                if (pixels[y * SIDE + x] > 0) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        return new Box(left, top, right, bottom);
    }

    static float max(float[] pixels) {
        float max = 0;
        for (float value : pixels) {
            max = Math.max(max, value);
        }
        return max;
    }

    /** A text picture of the digit, for failure messages. */
    static String picture(float[] pixels) {
        StringBuilder text = new StringBuilder();
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                float value = pixels[y * SIDE + x];
                text.append(value > 0.66 ? '#' : value > 0.33 ? '+' : value > 0.05 ? '.' : ' ');
            }
            text.append('\n');
        }
        return text.toString();
    }
}
