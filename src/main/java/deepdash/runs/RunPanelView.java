package deepdash.runs;

import deepdash.model.ModelRegistry;

/**
 * Input of {@code runs/panel.jte}: one run's live progress, charts and result.
 *
 * @param metric the metric charted next to the loss: its model's key metric ({@code accuracy}, {@code mae})
 * @param forecast whether the run writes a forecast, which pages show once it completes
 */
public record RunPanelView(RunView run, String metric, boolean forecast) {

    /** The panel of {@code run}, as its model's spec says to show it. */
    public static RunPanelView of(RunView run, ModelRegistry models) {
        return new RunPanelView(run, models.keyMetric(run.model()).metricName(), models.isForecast(run.model()));
    }
}
