package deepdash.mistakes;

import deepdash.evaluation.ClassStats;
import java.util.List;
import java.util.Locale;

/**
 * Input of {@code mistakes/evaluation.jte}: the heat map, the per-class table and the gallery of
 * the most confident mistakes, loaded into a run's page by htmx.
 */
public record EvaluationView(Evaluation evaluation, List<ImageTile> mistakes, int mistakesTotal) {

    /** Heat bins of the row percentage; app.css colours {@code heat-0} to {@code heat-5}. */
    static final int BINS = 5;

    public String runId() {
        return evaluation.run();
    }

    public int count(int actual, int predicted) {
        return evaluation.confusion()[actual][predicted];
    }

    public int rowTotal(int actual) {
        int total = 0;
        for (int count : evaluation.confusion()[actual]) {
            total += count;
        }
        return total;
    }

    /** The share of row {@code actual} in this cell, 0..1. */
    double rowShare(int actual, int predicted) {
        int total = rowTotal(actual);
        return total == 0 ? 0 : (double) count(actual, predicted) / total;
    }

    public String rowPercent(int actual, int predicted) {
        double share = rowShare(actual, predicted);
        return share >= 0.1 || share == 0 ? String.format(Locale.ROOT, "%.0f%%", share * 100)
                : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /**
     * CSS classes of a cell: the diagonal in one colour, mistakes in another, each in six bins of
     * the row share (mistakes on a finer scale: 1% wrong is already worth seeing). No inline styles: the CSP forbids them.
     */
    public String cellClass(int actual, int predicted) {
        double share = rowShare(actual, predicted);
        if (count(actual, predicted) == 0) {
            return "cm-cell heat-none";
        }
        int bin;
        if (actual == predicted) {
            bin = (int) Math.min(BINS, Math.floor(share * BINS) + 1);
            return "cm-cell cm-right heat-" + bin;
        }
        // 0-0.5%, 0.5-1%, 1-2%, 2-5%, 5%+
        bin = share < 0.005 ? 1 : share < 0.01 ? 2 : share < 0.02 ? 3 : share < 0.05 ? 4 : 5;
        return "cm-cell cm-wrong heat-" + bin;
    }

    public String cellUrl(int actual, int predicted) {
        return EvaluationController.cellFragmentPath(runId(), actual, predicted, 0);
    }

    /** "10,000". */
    public String countText() {
        return String.format(Locale.ROOT, "%,d", evaluation.count());
    }

    public String accuracy() {
        return evaluation.accuracy() == null ? "–" : String.format(Locale.ROOT, "%.2f%%", evaluation.accuracy() * 100);
    }

    public String recordedAccuracy() {
        return evaluation.recordedAccuracy() == null ? "–"
                : String.format(Locale.ROOT, "%.2f%%", evaluation.recordedAccuracy() * 100);
    }

    public List<ClassStats> perClass() {
        return evaluation.perClass();
    }

    public static String share(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.2f%%", value * 100);
    }

    public String apiUrl() {
        return EvaluationController.evaluationPath(runId());
    }

    public String mistakesApiUrl() {
        return EvaluationController.mistakesPath(runId());
    }
}
