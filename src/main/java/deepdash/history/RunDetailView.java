package deepdash.history;

import deepdash.mistakes.EvaluationSectionView;
import deepdash.runs.RunExportController;
import deepdash.runs.RunPanelView;

/**
 * Input of {@code runs/detail.jte}: one run's live panel, its facts, downloads and delete.
 *
 * @param hasModel whether trained parameters are saved (after the first completed epoch)
 * @param evaluation the confusion matrix and mistakes section, for a completed CNN run; null otherwise
 */
public record RunDetailView(RunPanelView panel, RunRowView row, boolean hasModel, EvaluationSectionView evaluation) {

    public String id() {
        return row.id();
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
