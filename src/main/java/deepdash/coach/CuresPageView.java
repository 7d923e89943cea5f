package deepdash.coach;

import deepdash.runs.RunPanelView;
import java.util.List;

/**
 * Input of {@code coach/cures.jte}: the cure runs of one run, followed live until compare opens.
 *
 * @param from the run the cures started from
 * @param panels the cure runs' live panels
 * @param compareUrl compare of the run and its cures, opened when every panel has finished
 */
public record CuresPageView(String from, List<RunPanelView> panels, String compareUrl) {

    public String fromUrl() {
        return "/runs/" + from;
    }
}
