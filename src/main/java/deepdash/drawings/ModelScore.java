package deepdash.drawings;

import deepdash.digits.ModelChoice;
import java.util.List;
import java.util.Locale;

/**
 * How one trained CNN reads the saved drawings.
 *
 * @param model the model (a completed CNN run or the shipped one)
 * @param correct how many drawings it reads as their label
 * @param total how many drawings it read
 * @param misses the drawings it reads as another digit, in the listing's order
 */
public record ModelScore(ModelChoice model, int correct, int total, List<Miss> misses) {

    public ModelScore {
        misses = List.copyOf(misses);
    }

    /** Share of drawings read right, 0..1; 0 when there are none. */
    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    /** "87.5%". */
    public String accuracyText() {
        return String.format(Locale.ROOT, "%.1f%%", 100 * accuracy());
    }

    /** The model's accuracy on the 10,000 MNIST test images, "99.1%", or "–" when not recorded. */
    public String mnistText() {
        Double mnist = model.testAccuracy();
        return mnist == null ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * mnist);
    }

    /**
     * One drawing a model reads wrong.
     *
     * @param drawing the drawing
     * @param read the digit the model reads
     * @param confidence the model's probability for {@code read}
     */
    public record Miss(Drawing drawing, int read, float confidence) {

        /** "97%". */
        public String confidenceText() {
            return String.format(Locale.ROOT, "%.0f%%", 100 * confidence);
        }
    }
}
