package deepdash.mistakes;

/**
 * Input of {@code mistakes/section.jte}: the card a page shows while htmx loads the evaluation into it.
 *
 * @param runId the run (or {@code shipped-cnn}) evaluated
 * @param fragmentUrl what htmx loads into the card
 * @param loadNow true: load once the card is on screen; false: the run is still going, and
 *     {@code evaluation.js} loads it when the run panel reports the run completed (the card stays hidden till then)
 */
public record EvaluationSectionView(String runId, String fragmentUrl, boolean loadNow) {

    /** The section of a completed run's evaluation. */
    public static EvaluationSectionView forRun(String runId) {
        return new EvaluationSectionView(runId, EvaluationController.fragmentPath(runId), true);
    }

    /** The hidden section of a run still training, shown once it completes. */
    public static EvaluationSectionView whenCompleted(String runId) {
        return new EvaluationSectionView(runId, EvaluationController.fragmentPath(runId), false);
    }
}
