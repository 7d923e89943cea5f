package deepdash.history;

import deepdash.i18n.Messages;
import deepdash.i18n.Text;
import deepdash.model.KeyMetric;
import deepdash.model.ModelRegistry;
import deepdash.model.ModelSettings;
import deepdash.protocol.Progress;
import deepdash.protocol.RunStatus;
import deepdash.runs.RunExports;
import deepdash.runs.RunView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the Runs table, every cell already written out.
 *
 * @param status the status's wire name, for styling
 * @param statusText what the status cell says: "queued · place 2", "running · 45%", "completed"
 * @param reason why a run failed, was cancelled or interrupted; null otherwise
 * @param bestValidation the best validation value of the key metric (max accuracy, min MAE)
 * @param active whether the run is queued or running, so the table refreshes itself
 * @param name the name a person gave the run; null for none
 */
public record RunRowView(
        String id,
        String model,
        String dataset,
        String settings,
        String status,
        String statusText,
        String reason,
        String bestValidation,
        String validationName,
        String test,
        String testName,
        String duration,
        String device,
        String createdAt,
        boolean active,
        String name) {

    public static RunRowView of(RunView run, ModelRegistry models, Instant now) {
        return of(run, models, now, null);
    }

    /** The row in English. */
    public static RunRowView of(RunView run, ModelRegistry models, Instant now, RunExports exports) {
        return of(run, models, now, exports, Messages.ENGLISH);
    }

    /**
     * @param exports where a forecaster's MAE ratio and its dataset's name are read; null to show
     *     the stored settings only
     * @param t the language of the cells' words; numbers, dates and Keras names stay as they are
     */
    public static RunRowView of(RunView run, ModelRegistry models, Instant now, RunExports exports, Messages t) {
        KeyMetric metric = models.keyMetric(run.model());
        ModelSettings settings = models.settings(run.config());
        boolean forecast = models.isForecast(run.model());
        // A forecaster's errors are in scaled units (0..1 over the training days' prices): say so, and
        // rank it by what a person can read, its MAE over the naive forecast's.
        String validationName = forecast ? t.get("runs.scaled", metric.validationName()) : metric.validationName();
        String test = metric.format(metric.test(run.test()));
        String testName = t.get(forecast ? "runs.testMetric.scaled" : "runs.testMetric", metric.metricName());
        if (forecast && exports != null) {
            Optional<Double> ratio = exports.maeRatio(run.id());
            if (ratio.isPresent()) {
                test = String.format(Locale.ROOT, "%.3f", ratio.get());
                testName = t.get("runs.maeRatio");
            }
        }
        return new RunRowView(run.id(), Formats.orNone(run.model()), Formats.orNone(dataLabel(run, settings, exports)),
                settings(settings, t),
                run.status().wireName(), statusText(run), run.reason(t),
                metric.format(metric.bestValidation(run.epochs())), validationName,
                test, testName, duration(run, now, t),
                Formats.orNone(run.device()), Formats.dateTime(run.createdAt()), !run.status().isFinal(), run.name());
    }

    /** The dataset's name as the run recorded it (not its id), with the column; else what the settings say. */
    static String dataLabel(RunView run, ModelSettings settings, RunExports exports) {
        Optional<String> name = exports == null ? Optional.empty() : exports.datasetName(run.id());
        if (name.isEmpty()) {
            return settings.dataLabel();
        }
        // dataLabel is "<id> · <column>": keep the column, show the name instead of the id.
        String label = settings.dataLabel();
        int dot = label == null ? -1 : label.indexOf(" · ");
        return name.get() + (dot >= 0 ? label.substring(dot) : "");
    }

    /** The run's name, else "Run " and its id: what its page is titled. */
    public String title() {
        return title(Messages.ENGLISH);
    }

    /** {@link #title()} in {@code t}'s language. */
    public String title(Messages t) {
        return name != null ? name : t.get("detail.title", id);
    }

    public String detailUrl() {
        return RunsPageController.detailPath(id);
    }

    /** The settings a person compares runs by: "10 epochs · batch 32 · lr 0.001 · 2,000 images". */
    static String settings(ModelSettings settings) {
        return settings(settings, Messages.ENGLISH);
    }

    /** {@link #settings(ModelSettings)} in {@code t}'s language: "10 에포크 · 배치 32 · 학습률 0.001 · 이미지 2,000장". */
    static String settings(ModelSettings settings, Messages t) {
        List<String> parts = new ArrayList<>();
        if (settings.epochs() != null) {
            parts.add(t.get(settings.epochs() == 1 ? "settings.epochs.one" : "settings.epochs", settings.epochs()));
        }
        if (settings.batchSize() != null) {
            parts.add(t.get("settings.batch", settings.batchSize()));
        }
        if (settings.learningRate() != null) {
            parts.add(t.get("settings.lr", Formats.plain(settings.learningRate())));
        }
        settings.summaryParts().forEach(part -> parts.add(t.format(part)));
        // A series run's range and split, so that two runs on different days can be told apart.
        Map<String, Text> details = settings.details();
        if (details.get("from") != null && details.get("to") != null) {
            parts.add(t.get("settings.range", details.get("from"), details.get("to")));
        }
        if (details.get("splitDate") != null) {
            parts.add(t.get("settings.split", details.get("splitDate")));
        }
        return parts.isEmpty() ? Formats.NONE : String.join(" · ", parts);
    }

    /**
     * {@link #statusText()} in {@code t}'s language: the status word, then its place in the queue or
     * its percentage, which read the same in every language.
     */
    public String statusText(Messages t) {
        String word = t.get("status." + status);
        String place = status + " · place ";
        if (statusText.startsWith(place)) {
            return word + " · " + t.get("runs.place", statusText.substring(place.length()));
        }
        String detail = status + " · ";
        return statusText.startsWith(detail) ? word + " · " + statusText.substring(detail.length()) : word;
    }

    static String statusText(RunView run) {
        RunStatus status = run.status();
        if (status == RunStatus.QUEUED && run.queuePosition() != null) {
            return "queued · place " + run.queuePosition();
        }
        if (status == RunStatus.RUNNING) {
            Double done = fractionDone(run);
            return done == null ? "running" : String.format(Locale.ROOT, "running · %d%%", (int) Math.floor(100 * done));
        }
        return status.wireName();
    }

    /** How much of the training is done: from the live progress, else from the completed epochs. */
    static Double fractionDone(RunView run) {
        Progress p = run.progress();
        if (p != null && p.epochs() > 0 && p.batches() > 0) {
            return p.fractionDone();
        }
        Integer epochs = run.config().epochs();
        if (epochs != null && epochs > 0) {
            return Math.min(1.0, run.epochs().size() / (double) epochs);
        }
        return null;
    }

    /** Training time: what the worker measured; else start to end; still running: start to now. */
    static String duration(RunView run, Instant now) {
        return duration(run, now, Messages.ENGLISH);
    }

    static String duration(RunView run, Instant now, Messages t) {
        if (run.trainSeconds() != null) {
            return Formats.seconds(run.trainSeconds(), t);
        }
        if (run.startedAt() == null) {
            return Formats.NONE;
        }
        Instant end = run.finishedAt() != null ? run.finishedAt() : run.status().isFinal() ? null : now;
        if (end == null) {
            return Formats.NONE;
        }
        return Formats.seconds(Duration.between(run.startedAt(), end).toMillis() / 1000.0, t);
    }
}
