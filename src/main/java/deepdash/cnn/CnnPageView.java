package deepdash.cnn;

import deepdash.model.CnnSettings;
import deepdash.model.LearningRateSchedule;
import deepdash.runs.RunPanelView;
import java.util.List;

/**
 * Input of {@code cnn/page.jte}.
 *
 * @param editor the architecture editor, showing the seed's network (or the network of {@code fromRun})
 * @param defaults what the form starts with: the seed's settings, or those of {@code fromRun}
 * @param runs the CNN runs shown live below the form, newest first: every queued and running one, or
 *     when none is, the newest run; empty before the first run
 * @param fromRun the run whose settings fill the form ("train again with these settings"); null for the seed's
 */
public record CnnPageView(ArchitectureEditorView editor, CnnSettings defaults, List<RunPanelView> runs,
        String fromRun) {

    public CnnPageView {
        runs = List.copyOf(runs);
    }

    public CnnPageView(ArchitectureEditorView editor, CnnSettings defaults, List<RunPanelView> runs) {
        this(editor, defaults, runs, null);
    }

    /** Whether a cure is set, so its part of the form opens. */
    public boolean curesSet() {
        return defaults.l2() != null || defaults.l1() != null || defaults.patience() != null
                || defaults.schedule() != null && !"constant".equals(defaults.schedule());
    }

    /** The step schedule's epochs between halvings: the settings', else the default. */
    public int stepEpochs() {
        return defaults.stepEpochs() == null ? LearningRateSchedule.DEFAULT_STEP_EPOCHS : defaults.stepEpochs();
    }

    /** The schedule the form has selected. */
    public boolean scheduleIs(String schedule) {
        return schedule.equals(defaults.schedule() == null ? "constant" : defaults.schedule());
    }

    public boolean deviceIs(String device) {
        return device.equals(defaults.device() == null ? "auto" : defaults.device());
    }
}
