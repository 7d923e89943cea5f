package deepdash.mistakes;

/**
 * Input of {@code mistakes/section.jte}: the card a page shows while htmx loads the evaluation into it.
 *
 * @param fragmentUrl what htmx loads once the card is on screen
 */
public record EvaluationSectionView(String fragmentUrl) {

    /** The section of a run's evaluation. */
    public static EvaluationSectionView forRun(String runId) {
        return new EvaluationSectionView(EvaluationController.fragmentPath(runId));
    }
}
