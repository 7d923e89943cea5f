package deepdash.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import deepdash.files.AtomicFiles;
import deepdash.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * A model's answers for a numbered set of labelled images: each image's true digit and the model's
 * three most probable digits with their probabilities. The confusion matrix, the per-class figures
 * and the most confident mistakes are all derived from it.
 *
 * <p>Kept in a run folder as a small JSON file ({@code evaluation.json}, about 250 kB for the 10,000
 * MNIST test images): the labels and the top-3 digits as strings of digits, the probabilities
 * rounded to {@value #PROBABILITY_DECIMALS} decimals. The predicted digit is chosen before rounding,
 * so the accuracy read back is exactly the one computed.
 */
public final class PredictionSet {

    public static final int FORMAT = 1;
    public static final int TOP = 3;
    static final int PROBABILITY_DECIMALS = 4;
    private static final double PROBABILITY_SCALE = Math.pow(10, PROBABILITY_DECIMALS);

    private final byte[] labels;
    private final byte[] topDigits;
    private final double[] topProbabilities;

    private PredictionSet(byte[] labels, byte[] topDigits, double[] topProbabilities) {
        this.labels = labels;
        this.topDigits = topDigits;
        this.topProbabilities = topProbabilities;
    }

    /** Collects predictions image by image, in index order. */
    public static Builder builder(int count) {
        return new Builder(count);
    }

    /** Adds predictions one image at a time. */
    public static final class Builder {
        private final byte[] labels;
        private final byte[] topDigits;
        private final double[] topProbabilities;
        private int size;

        private Builder(int count) {
            labels = new byte[count];
            topDigits = new byte[count * TOP];
            topProbabilities = new double[count * TOP];
        }

        /**
         * @param label the image's true digit
         * @param probabilities the model's 10 probabilities for it
         */
        public Builder add(int label, double[] probabilities) {
            checkDigit(label, "label");
            if (probabilities.length != ConfusionMatrix.DIGITS) {
                throw new IllegalArgumentException("10 probabilities expected, got " + probabilities.length);
            }
            int[] top = topIndices(probabilities);
            labels[size] = (byte) label;
            for (int k = 0; k < TOP; k++) {
                topDigits[size * TOP + k] = (byte) top[k];
                topProbabilities[size * TOP + k] = round(probabilities[top[k]]);
            }
            size++;
            return this;
        }

        /** Adds {@code count} images whose logits lie one after another in {@code logits}. */
        public Builder addLogits(byte[] allLabels, int first, float[] logits, int count) {
            for (int i = 0; i < count; i++) {
                add(allLabels[first + i], Softmax.probabilities(logits, i * ConfusionMatrix.DIGITS));
            }
            return this;
        }

        public int size() {
            return size;
        }

        public PredictionSet build() {
            if (size != labels.length) {
                throw new IllegalStateException("expected " + labels.length + " predictions, got " + size);
            }
            return new PredictionSet(labels, topDigits, topProbabilities);
        }
    }

    /** The digits in order of probability; equal ones in digit order, so the first is the first maximum. */
    static int[] topIndices(double[] probabilities) {
        int[] top = new int[TOP];
        boolean[] taken = new boolean[probabilities.length];
        for (int k = 0; k < TOP; k++) {
            int best = -1;
            for (int d = 0; d < probabilities.length; d++) {
                if (!taken[d] && (best < 0 || probabilities[d] > probabilities[best])) {
                    best = d;
                }
            }
            taken[best] = true;
            top[k] = best;
        }
        return top;
    }

    private static double round(double probability) {
        return Math.round(probability * PROBABILITY_SCALE) / PROBABILITY_SCALE;
    }

    private static void checkDigit(int digit, String what) {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException(what + " must be 0..9, got " + digit);
        }
    }

    public int size() {
        return labels.length;
    }

    public int actual(int index) {
        return labels[index];
    }

    public int predicted(int index) {
        return topDigits[index * TOP];
    }

    public ImagePrediction item(int index) {
        List<Guess> top = new ArrayList<>(TOP);
        for (int k = 0; k < TOP; k++) {
            top.add(new Guess(topDigits[index * TOP + k], topProbabilities[index * TOP + k]));
        }
        return new ImagePrediction(index, actual(index), predicted(index), top.get(0).probability(), List.copyOf(top));
    }

    public ConfusionMatrix confusion() {
        ConfusionMatrix matrix = new ConfusionMatrix();
        for (int i = 0; i < size(); i++) {
            matrix.add(actual(i), predicted(i));
        }
        return matrix;
    }

    /** Correct over all images; null for an empty set. */
    public Double accuracy() {
        return confusion().accuracy();
    }

    /** Images with this true digit and this prediction, in index order: one cell of the matrix. */
    public Page cell(int actual, int predicted, int offset, int limit) {
        checkDigit(actual, "actual");
        checkDigit(predicted, "predicted");
        return page(i -> actual(i) == actual && predicted(i) == predicted, Comparator.naturalOrder(), offset, limit);
    }

    /** The wrong predictions, the most confident first (equal confidence: lower index first). */
    public Page mistakes(int offset, int limit) {
        Comparator<Integer> byConfidence = Comparator.comparingDouble((Integer i) -> topProbabilities[i * TOP])
                .reversed().thenComparing(Comparator.naturalOrder());
        return page(i -> actual(i) != predicted(i), byConfidence, offset, limit);
    }

    /** Part of a list of images, and how many there are in all. */
    public record Page(int total, int offset, int limit, List<ImagePrediction> items) {
    }

    private Page page(IntPredicate matches, Comparator<Integer> order, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        List<Integer> indices = IntStream.range(0, size()).filter(matches).boxed().sorted(order).toList();
        List<ImagePrediction> items = indices.stream().skip(offset).limit(limit).map(this::item).toList();
        return new Page(indices.size(), offset, limit, items);
    }

    // ---- the file ------------------------------------------------------------------------------

    /** The file's JSON. */
    record FileBody(@JsonProperty("format") int format, @JsonProperty("samples") int samples,
            @JsonProperty("correct") int correct, @JsonProperty("accuracy") Double accuracy,
            @JsonProperty("labels") String labels, @JsonProperty("top3Digits") String top3Digits,
            @JsonProperty("top3Probabilities") double[] top3Probabilities) {
    }

    public byte[] toJson() {
        ConfusionMatrix matrix = confusion();
        try {
            return Json.mapper().writeValueAsBytes(new FileBody(FORMAT, size(), matrix.correct(), matrix.accuracy(),
                    digitString(labels), digitString(topDigits), topProbabilities));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses and checks a file's JSON; a damaged or foreign file is refused, not half read. */
    public static PredictionSet fromJson(byte[] json) {
        FileBody body;
        try {
            body = Json.mapper().readValue(json, FileBody.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an evaluation file: " + e.getMessage(), e);
        }
        if (body.format() != FORMAT) {
            throw new IllegalArgumentException("evaluation file format " + body.format() + ", expected " + FORMAT);
        }
        int n = body.samples();
        if (body.labels() == null || body.labels().length() != n || body.top3Digits() == null
                || body.top3Digits().length() != n * TOP || body.top3Probabilities() == null
                || body.top3Probabilities().length != n * TOP) {
            throw new IllegalArgumentException("evaluation file: the lengths do not match " + n + " samples");
        }
        PredictionSet set = new PredictionSet(digitBytes(body.labels()), digitBytes(body.top3Digits()),
                body.top3Probabilities());
        if (set.confusion().correct() != body.correct()) {
            throw new IllegalArgumentException("evaluation file: " + body.correct() + " correct recorded, "
                    + set.confusion().correct() + " counted");
        }
        return set;
    }

    /** Writes the file atomically: a reader sees the old file, the new one, or none, never half of one. */
    public void write(Path file) {
        try {
            AtomicFiles.write(file, toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static PredictionSet read(Path file) {
        try {
            return fromJson(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String digitString(byte[] digits) {
        char[] chars = new char[digits.length];
        for (int i = 0; i < digits.length; i++) {
            chars[i] = (char) ('0' + digits[i]);
        }
        return new String(chars);
    }

    private static byte[] digitBytes(String digits) {
        byte[] bytes = new byte[digits.length()];
        for (int i = 0; i < bytes.length; i++) {
            int digit = digits.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("evaluation file: \"" + digits.charAt(i) + "\" is not a digit");
            }
            bytes[i] = (byte) digit;
        }
        return bytes;
    }
}
