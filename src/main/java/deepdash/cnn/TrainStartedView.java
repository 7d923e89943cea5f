package deepdash.cnn;

import deepdash.i18n.Messages;
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
        return statusText(Messages.ENGLISH);
    }

    /** {@link #statusText()} in {@code t}'s language. */
    public String statusText(Messages t) {
        Integer place = panel.run().queuePosition();
        String id = panel.run().id();
        if (place != null) {
            return t.get("started.queued", id, place);
        }
        return panel.run().isFinished() ? t.get("started.finished", id, t.get("status." + panel.run().status().wireName()))
                : t.get("started.started", id);
    }
}
