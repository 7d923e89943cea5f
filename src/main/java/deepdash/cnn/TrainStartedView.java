package deepdash.cnn;

import deepdash.runs.RunPanelView;

/**
 * Input of {@code cnn/started.jte}, the answer to the train form: the new run's panel, to go on top
 * of the page's run panels, and a line next to the Train button saying where it went.
 */
public record TrainStartedView(RunPanelView panel) {

    /** The DOM id of the status line next to the Train button. */
    public static final String STATUS_ID = "train-status";

    /** "Run 20261202-... queued (place 1 in the queue)" or "... started". */
    public String statusText() {
        Integer place = panel.run().queuePosition();
        String state = place != null ? "queued (place " + place + " in the queue)"
                : panel.run().isFinished() ? panel.run().status().wireName() : "started";
        return "Run " + panel.run().id() + " " + state;
    }
}
