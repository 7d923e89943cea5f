package deepdash.cnn;

import deepdash.model.CnnSettings;
import deepdash.runs.RunPanelView;
import java.util.List;

/**
 * Input of {@code cnn/page.jte}.
 *
 * @param editor the architecture editor, showing the seed's network
 * @param defaults what the form starts with: the seed's settings
 * @param runs the CNN runs shown live below the form, newest first: every queued and running one, or
 *     when none is, the newest run; empty before the first run
 */
public record CnnPageView(ArchitectureEditorView editor, CnnSettings defaults, List<RunPanelView> runs) {

    public CnnPageView {
        runs = List.copyOf(runs);
    }
}
