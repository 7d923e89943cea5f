package deepdash.history;

import java.util.List;

/**
 * Input of {@code runs/compare.jte}: several runs' curves overlaid and their settings side by side.
 *
 * @param runsJson each run's id, label, colour, kind and epochs, read by {@code runs-compare.js}
 * @param chartsNote why some charts are split by kind of model; null when they are not
 */
public record CompareView(List<ComparedRun> runs, List<CompareChart> charts, List<SettingRow> settings,
        List<SettingRow> results, String runsJson, String chartsNote) {

    /**
     * A run's column and curve: one colour per run, the same in the table and the charts.
     *
     * @param name the name a person gave the run; null for none
     */
    public record ComparedRun(String id, String model, String color, String detailUrl, String name) {
    }

    /**
     * One chart; one curve per run that has this metric.
     *
     * @param key the field in {@code metrics.jsonl}, e.g. {@code val_loss}
     * @param kind only the runs of this kind ({@code classifier} or {@code forecaster}); "" for all
     */
    public record CompareChart(String key, String title, boolean logScale, String kind) {

        public CompareChart(String key, String title, boolean logScale) {
            this(key, title, logScale, "");
        }
    }

    /** One line of the settings table; {@code differs} highlights it. */
    public record SettingRow(String name, List<String> values, boolean differs) {
    }
}
