package deepdash.history;

import deepdash.history.CompareView.CompareChart;
import deepdash.history.CompareView.ComparedRun;
import deepdash.history.CompareView.SettingRow;
import deepdash.i18n.Messages;
import deepdash.json.Json;
import deepdash.model.KeyMetric;
import deepdash.model.ModelRegistry;
import deepdash.model.ModelSettings;
import deepdash.protocol.EpochMetrics;
import deepdash.runs.RunExports;
import deepdash.runs.RunView;
import deepdash.web.ChartPalette;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the compare page from the runs: charts for every metric they have, settings side by side. */
final class RunComparison {

    private RunComparison() {
    }

    static final String CLASSIFIER = "classifier";
    static final String FORECASTER = "forecaster";

    static CompareView of(List<RunView> runs, ModelRegistry models, Instant now) {
        return of(runs, models, now, null);
    }

    /** @param exports where forecasters' MAE ratios and dataset names are read; null for none */
    static CompareView of(List<RunView> runs, ModelRegistry models, Instant now, RunExports exports) {
        return of(runs, models, now, exports, Messages.ENGLISH);
    }

    /** @param t the language of the chart titles, the setting names and the words in the cells */
    static CompareView of(List<RunView> runs, ModelRegistry models, Instant now, RunExports exports, Messages t) {
        List<ComparedRun> columns = new ArrayList<>();
        List<Map<String, Object>> curves = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunView run = runs.get(i);
            String color = ChartPalette.color(i);
            columns.add(new ComparedRun(run.id(), run.model(), color, RunsPageController.detailPath(run.id()),
                    run.name()));
            Map<String, Object> curve = new LinkedHashMap<>();
            curve.put("id", run.id());
            curve.put("label", (run.name() != null ? run.name() : run.id()) + " (" + run.model() + ")");
            curve.put("color", color);
            curve.put("kind", kind(run, models));
            curve.put("epochs", run.epochs());
            curves.add(curve);
        }
        boolean mixed = runs.stream().map(run -> kind(run, models)).distinct().count() > 1;
        String note = mixed ? t.get("compare.mixedNote") : null;
        return new CompareView(columns, charts(runs, models, mixed, t), settings(runs, models, exports, t),
                results(runs, models, now, exports, t), Json.write(curves), note);
    }

    private static String kind(RunView run, ModelRegistry models) {
        return models.isForecast(run.model()) ? FORECASTER : CLASSIFIER;
    }

    /**
     * Validation first (what runs are judged by), then training; the key metric before the loss.
     * When classifiers and forecasters are compared, their losses are never overlaid: each kind
     * gets its own loss charts.
     */
    private static List<CompareChart> charts(List<RunView> runs, ModelRegistry models, boolean mixed, Messages t) {
        Set<KeyMetric> metrics = new LinkedHashSet<>();
        runs.forEach(run -> metrics.add(models.keyMetric(run.model())));
        List<CompareChart> charts = new ArrayList<>();
        for (KeyMetric metric : metrics) {
            charts.add(new CompareChart(metric.validationName(), title(metric.validationName(), metric, t), false));
        }
        charts.addAll(lossCharts("val_loss", mixed, t));
        for (KeyMetric metric : metrics) {
            charts.add(new CompareChart(metric.metricName(), title(metric.metricName(), metric, t), false));
        }
        charts.addAll(lossCharts("loss", mixed, t));
        return charts;
    }

    /** A forecaster's MAE is in scaled units: the chart says so. */
    private static String title(String key, KeyMetric metric, Messages t) {
        return metric == KeyMetric.MAE ? t.get("runs.scaled", key) : key;
    }

    private static List<CompareChart> lossCharts(String key, boolean mixed, Messages t) {
        if (!mixed) {
            return List.of(new CompareChart(key, key, true));
        }
        return List.of(new CompareChart(key, t.get("compare.chart.classifiers", key), true, CLASSIFIER),
                new CompareChart(key, t.get("compare.chart.forecasters", key), true, FORECASTER));
    }

    /** The model and its data, each model's own settings (as its record names them), then the shared ones. */
    private static List<SettingRow> settings(List<RunView> runs, ModelRegistry models, RunExports exports,
            Messages t) {
        List<ModelSettings> settings = runs.stream().map(run -> models.settings(run.config())).toList();
        List<SettingRow> rows = new ArrayList<>();
        addRow(rows, runs.stream().map(RunView::model).toList(), t.get("compare.row.model"));
        List<String> datasets = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            datasets.add(RunRowView.dataLabel(runs.get(i), settings.get(i), exports));
        }
        addRow(rows, datasets, t.get("compare.row.dataset"));
        Set<String> ownSettings = new LinkedHashSet<>();
        settings.forEach(s -> ownSettings.addAll(s.details().keySet()));
        for (String id : ownSettings) {
            addRow(rows, settings.stream().map(s -> s.details().get(id)).map(v -> v == null ? null : t.format(v))
                    .toList(), t.get("setting." + id));
        }
        addRow(rows, settings.stream().map(s -> text(s.epochs())).toList(), t.get("compare.row.epochs"));
        addRow(rows, settings.stream().map(s -> text(s.batchSize())).toList(), t.get("compare.row.batchSize"));
        addRow(rows, settings.stream().map(s -> Formats.plain(s.learningRate())).toList(),
                t.get("compare.row.learningRate"));
        addRow(rows, settings.stream().map(ModelSettings::device).toList(), t.get("compare.row.deviceAsked"));
        return rows;
    }

    private static List<SettingRow> results(List<RunView> runs, ModelRegistry models, Instant now,
            RunExports exports, Messages t) {
        List<RunRowView> rows = runs.stream().map(run -> RunRowView.of(run, models, now, exports, t)).toList();
        List<SettingRow> results = new ArrayList<>();
        results.add(new SettingRow(t.get("compare.row.status"), rows.stream().map(r -> r.statusText(t)
                + (r.reason() == null ? "" : ": " + r.reason())).toList(), false));
        results.add(new SettingRow(t.get("compare.row.epochsDone"), runs.stream()
                .map(r -> Integer.toString(r.epochs().size())).toList(), false));
        results.add(new SettingRow(t.get("compare.row.bestVal"), rows.stream()
                .map(r -> r.bestValidation() + " " + r.validationName()).toList(), false));
        results.add(new SettingRow(t.get("compare.row.test"), rows.stream().map(r -> r.test() + " " + r.testName())
                .toList(), false));
        results.add(new SettingRow(t.get("compare.row.finalLoss"), runs.stream().map(r -> lastLoss(r.epochs()))
                .toList(), false));
        results.add(new SettingRow(t.get("compare.row.duration"), rows.stream().map(RunRowView::duration).toList(),
                false));
        results.add(new SettingRow(t.get("compare.row.device"), rows.stream().map(RunRowView::device).toList(),
                false));
        results.add(new SettingRow(t.get("compare.row.created"), rows.stream().map(RunRowView::createdAt).toList(),
                false));
        return results;
    }

    /** Adds a row unless no run has the setting; marks it when the runs' values are not all equal. */
    private static void addRow(List<SettingRow> rows, List<String> rawValues, String name) {
        List<String> values = rawValues.stream().map(Formats::orNone).toList();
        if (values.stream().allMatch(Formats.NONE::equals)) {
            return;
        }
        rows.add(new SettingRow(name, values, values.stream().distinct().count() > 1));
    }

    private static String lastLoss(List<EpochMetrics> epochs) {
        return epochs.isEmpty() ? Formats.NONE : KeyMetric.significant(epochs.get(epochs.size() - 1).loss());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
