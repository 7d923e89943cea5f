package deepdash.mistakes;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.web.Templates;
import org.junit.jupiter.api.Test;

/** The card on a run's page: loaded at once for a completed run, kept hidden for one still training. */
class EvaluationSectionTest {

    final Templates templates = new Templates();

    @Test
    void aCompletedRunLoadsItsEvaluationWithThePage() {
        String html = templates.render("mistakes/section.jte", EvaluationSectionView.forRun("20260101-000000-abcdef"));

        assertThat(html).contains("hx-get=\"/ui/runs/20260101-000000-abcdef/evaluation\"", "hx-trigger=\"load\"",
                "/static/js/evaluation.js").doesNotContain("hidden", "style=");
    }

    @Test
    void aRunStillTrainingWaitsHiddenForThePanelToReportItCompleted() {
        String html = templates.render("mistakes/section.jte",
                EvaluationSectionView.whenCompleted("20260101-000000-abcdef"));

        assertThat(html).contains("data-evaluation-url=\"/ui/runs/20260101-000000-abcdef/evaluation\"",
                "data-run-id=\"20260101-000000-abcdef\"", "hidden").doesNotContain("hx-get", "style=");
    }
}
