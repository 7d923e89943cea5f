package deepdash.runs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import deepdash.i18n.Messages;
import deepdash.i18n.Text;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.Progress;
import deepdash.protocol.RunConfig;
import deepdash.protocol.RunRecord;
import deepdash.protocol.RunStatus;
import deepdash.protocol.TestResult;
import java.time.Instant;
import java.util.List;

/**
 * A run as the API and the pages show it: the stored record, its epochs so far, and live state
 * (progress inside the current epoch, place in the queue).
 *
 * @param queuePosition 1 for the next run to start; null unless queued
 * @param name the name a person gave the run; null for none (see {@link RunLabel})
 * @param notes a person's notes on the run; null for none
 * @param reasonText the reason as a key, for the pages (see {@link RunRecord#reasonText()}); not in the API
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunView(
        String id,
        String model,
        RunStatus status,
        RunConfig config,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String device,
        String reason,
        TestResult test,
        Double trainSeconds,
        List<EpochMetrics> epochs,
        Progress progress,
        Integer queuePosition,
        String name,
        String notes,
        @JsonIgnore Text reasonText) {

    public static RunView of(RunRecord record, List<EpochMetrics> epochs, Progress progress, Integer queuePosition) {
        return of(record, epochs, progress, queuePosition, RunLabel.NONE);
    }

    public static RunView of(RunRecord record, List<EpochMetrics> epochs, Progress progress, Integer queuePosition,
            RunLabel label) {
        return new RunView(record.id(), record.config().model(), record.status(), record.config(),
                record.createdAt(), record.startedAt(), record.finishedAt(), record.device(), record.reason(),
                record.test(), record.trainSeconds(), List.copyOf(epochs), progress, queuePosition, label.name(),
                label.notes(), record.reasonText());
    }

    /** The run's name when it has one, else "Run " and its id. */
    @JsonIgnore
    public String title() {
        return name != null ? name : "Run " + id;
    }

    /** The reason in {@code t}'s language; null when there is none. */
    public String reason(Messages t) {
        return reasonText != null ? t.format(reasonText) : reason;
    }

    @JsonIgnore
    public boolean isFinished() {
        return status.isFinal();
    }
}
