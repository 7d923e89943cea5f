package deepdash.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import deepdash.i18n.Messages;
import deepdash.i18n.Text;
import java.time.Instant;

/**
 * The content of {@code run.json}. Immutable: every change makes a new record that is written
 * atomically over the old file.
 *
 * @param device the device the worker trained on, e.g. {@code cpu()} or {@code gpu(0)}
 * @param reason why a run failed, was cancelled or interrupted, in English (the API's {@code reason})
 * @param trainSeconds wall time of the whole training, evaluation included
 * @param reasonText the same reason as a bundle key and its arguments, so a page words it in its
 *     reader's language; null when the reason is a message from the worker or the engine, which is
 *     shown as written (and in files written before reasons had keys)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(
        String id,
        RunConfig config,
        RunStatus status,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String device,
        String reason,
        TestResult test,
        Double trainSeconds,
        Text reasonText) {

    public static RunRecord queued(String id, RunConfig config, Instant now) {
        return new RunRecord(id, config, RunStatus.QUEUED, now, null, null, null, null, null, null, null);
    }

    public RunRecord started(String deviceName, Instant now) {
        return new RunRecord(id, config, RunStatus.RUNNING, createdAt, now, null, deviceName, null, null, null, null);
    }

    public RunRecord completed(TestResult result, double seconds, Instant now) {
        return new RunRecord(id, config, RunStatus.COMPLETED, createdAt, startedAt, now, device, null, result, seconds, null);
    }

    /** Ended for a reason that is a message as written (the worker's own error, say). */
    public RunRecord ended(RunStatus finalStatus, String why, Instant now) {
        return new RunRecord(id, config, finalStatus, createdAt, startedAt, now, device, why, test, trainSeconds,
                null);
    }

    /** Ended for a reason DeepDash words itself: stored in English and as a key, for either language. */
    public RunRecord ended(RunStatus finalStatus, Text why, Instant now) {
        return new RunRecord(id, config, finalStatus, createdAt, startedAt, now, device, Messages.ENGLISH.format(why),
                test, trainSeconds, why);
    }

    /** The reason in {@code t}'s language; null when there is none. */
    public String reason(Messages t) {
        return reasonText != null ? t.format(reasonText) : reason;
    }
}
