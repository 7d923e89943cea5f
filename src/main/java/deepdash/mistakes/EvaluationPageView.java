package deepdash.mistakes;

/**
 * Input of {@code mistakes/page.jte}: a model's evaluation on a page of its own, for the shipped
 * model (which has no run page) and any run.
 */
public record EvaluationPageView(String runId, String title) {

    public EvaluationSectionView section() {
        return EvaluationSectionView.forRun(runId);
    }
}
