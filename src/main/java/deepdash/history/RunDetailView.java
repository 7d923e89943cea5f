package deepdash.history;

import deepdash.mistakes.EvaluationSectionView;
import deepdash.model.CnnSpec;
import deepdash.runs.RunController;
import deepdash.runs.RunExportController;
import deepdash.runs.RunLabel;
import deepdash.runs.RunPanelView;

/**
 * Input of {@code runs/detail.jte}: one run's live panel, its name and notes, its facts, downloads
 * and delete.
 *
 * @param hasModel whether trained parameters are saved (after the first completed epoch)
 * @param evaluation the confusion matrix and mistakes section, for a completed CNN run; null otherwise
 * @param trainAgainUrl the training page with this run's settings filled in; null for a model no page trains
 * @param drawUrl the draw page with this run's model selected, for a completed CNN run; null otherwise
 */
public record RunDetailView(RunPanelView panel, RunRowView row, boolean hasModel, EvaluationSectionView evaluation,
        String trainAgainUrl, String drawUrl) {

    public String id() {
        return row.id();
    }

    /** The run's name, else "Run " and its id. */
    public String title() {
        return row.title();
    }

    /** What the name field holds: the name, or nothing. */
    public String name() {
        return row.name() == null ? "" : row.name();
    }

    public String notes() {
        String notes = panel.run().notes();
        return notes == null ? "" : notes;
    }

    /** Where the name and notes form sends its PATCH. */
    public String labelUrl() {
        return RunController.RUN.replace("{id}", row.id());
    }

    public int maxNameChars() {
        return RunLabel.MAX_NAME_CHARS;
    }

    public int maxNotesChars() {
        return RunLabel.MAX_NOTES_CHARS;
    }

    /** A CNN run still training: its "Open in Draw" appears when it completes. */
    public boolean drawsWhenCompleted() {
        return row.active() && CnnSpec.NAME.equals(panel.run().model());
    }

    public boolean finished() {
        return !row.active();
    }

    public String metricsCsvUrl() {
        return RunExportController.metricsCsvPath(row.id());
    }

    public String modelZipUrl() {
        return RunExportController.modelZipPath(row.id());
    }

    public String deleteUrl() {
        return RunsPageController.DELETE_RUN.replace("{id}", row.id());
    }
}
