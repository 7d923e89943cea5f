package deepdash.runs;

/** Input of {@code runs/panel.jte}: one run's live progress, charts and result. */
public record RunPanelView(RunView run) {

    /** The metric charted next to the loss: accuracy for the CNN, MAE for the LSTM. */
    public String metric() {
        return "lstm".equals(run.model()) ? "mae" : "accuracy";
    }
}
