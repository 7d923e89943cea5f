package deepdash.cnn;

import deepdash.model.CnnSettings;
import deepdash.runs.RunPanelView;

/**
 * Input of {@code cnn/page.jte}.
 *
 * @param editor the architecture editor, showing the seed's network
 * @param defaults what the form starts with: the seed's settings
 * @param latestRun the newest CNN run, shown live below the form; null before the first run
 */
public record CnnPageView(ArchitectureEditorView editor, CnnSettings defaults, RunPanelView latestRun) {
}
