package deepdash.history;

import deepdash.history.CompareView.CompareChart;
import deepdash.history.CompareView.ComparedRun;
import deepdash.history.CompareView.SettingRow;
import deepdash.json.Json;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.RunConfig;
import deepdash.runs.KeyMetric;
import deepdash.runs.RunView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Builds the compare page from the runs: charts for every metric they have, settings side by side. */
final class RunComparison {

    /** One colour per run; the same list as {@code COLORS} in static/js/charts.js. */
    static final List<String> PALETTE = List.of("#2563eb", "#ea580c", "#16a34a", "#9333ea", "#dc2626", "#0891b2",
            "#ca8a04", "#db2777", "#4b5563", "#65a30d", "#7c3aed", "#0d9488");

    private RunComparison() {
    }

    static CompareView of(List<RunView> runs, Instant now) {
        List<ComparedRun> columns = new ArrayList<>();
        List<Map<String, Object>> curves = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunView run = runs.get(i);
            String color = PALETTE.get(i % PALETTE.size());
            columns.add(new ComparedRun(run.id(), run.model(), color, RunsPageController.detailPath(run.id())));
            Map<String, Object> curve = new LinkedHashMap<>();
            curve.put("id", run.id());
            curve.put("label", run.id() + " (" + run.model() + ")");
            curve.put("color", color);
            curve.put("epochs", run.epochs());
            curves.add(curve);
        }
        return new CompareView(columns, charts(runs), settings(runs), results(runs, now), Json.write(curves));
    }

    /** Validation first (what runs are judged by), then training; the key metric before the loss. */
    private static List<CompareChart> charts(List<RunView> runs) {
        Set<KeyMetric> metrics = new LinkedHashSet<>();
        runs.forEach(run -> metrics.add(KeyMetric.forModel(run.model())));
        List<CompareChart> charts = new ArrayList<>();
        for (KeyMetric metric : metrics) {
            charts.add(new CompareChart(metric.validationName(), metric.validationName(), false));
        }
        charts.add(new CompareChart("val_loss", "val_loss", true));
        for (KeyMetric metric : metrics) {
            charts.add(new CompareChart(metric.metricName(), metric.metricName(), false));
        }
        charts.add(new CompareChart("loss", "loss", true));
        return charts;
    }

    private static List<SettingRow> settings(List<RunView> runs) {
        List<SettingRow> rows = new ArrayList<>();
        addRow(rows, runs, "model", RunView::model);
        addRow(rows, runs, "dataset", RunRowView::dataset);
        addRow(rows, runs, "window", run -> text(run.config().window()));
        addRow(rows, runs, "from", run -> run.config().from());
        addRow(rows, runs, "to", run -> run.config().to());
        addRow(rows, runs, "split date", run -> run.config().splitDate());
        addRow(rows, runs, "epochs", run -> text(run.config().epochs()));
        addRow(rows, runs, "batch size", run -> text(run.config().batchSize()));
        addRow(rows, runs, "learning rate", run -> Formats.plain(run.config().learningRate()));
        addRow(rows, runs, "training images", run -> trainImages(run.config()));
        addRow(rows, runs, "device asked for", run -> run.config().device());
        return rows;
    }

    private static List<SettingRow> results(List<RunView> runs, Instant now) {
        List<RunRowView> rows = runs.stream().map(run -> RunRowView.of(run, now)).toList();
        List<SettingRow> results = new ArrayList<>();
        results.add(new SettingRow("status", rows.stream().map(r -> r.statusText()
                + (r.reason() == null ? "" : ": " + r.reason())).toList(), false));
        results.add(new SettingRow("epochs done", runs.stream().map(r -> Integer.toString(r.epochs().size()))
                .toList(), false));
        results.add(new SettingRow("best val", rows.stream().map(r -> r.bestValidation() + " " + r.validationName())
                .toList(), false));
        results.add(new SettingRow("test", rows.stream().map(r -> r.test() + " " + r.testName()).toList(), false));
        results.add(new SettingRow("final loss", runs.stream().map(r -> lastLoss(r.epochs())).toList(), false));
        results.add(new SettingRow("duration", rows.stream().map(RunRowView::duration).toList(), false));
        results.add(new SettingRow("device", rows.stream().map(RunRowView::device).toList(), false));
        results.add(new SettingRow("created", rows.stream().map(RunRowView::createdAt).toList(), false));
        return results;
    }

    /** Adds a row unless no run has the setting; marks it when the runs' values are not all equal. */
    private static void addRow(List<SettingRow> rows, List<RunView> runs, String name, Function<RunView, String> value) {
        List<String> values = runs.stream().map(value).map(Formats::orNone).toList();
        if (values.stream().allMatch(Formats.NONE::equals)) {
            return;
        }
        rows.add(new SettingRow(name, values, values.stream().distinct().count() > 1));
    }

    private static String trainImages(RunConfig config) {
        if (!"cnn".equals(config.model())) {
            return null;
        }
        return config.trainLimit() == null ? "all 60,000" : Formats.thousands(config.trainLimit());
    }

    private static String lastLoss(List<EpochMetrics> epochs) {
        return epochs.isEmpty() ? Formats.NONE : KeyMetric.significant(epochs.get(epochs.size() - 1).loss());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
