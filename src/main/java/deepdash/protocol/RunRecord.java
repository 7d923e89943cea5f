package deepdash.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The content of {@code run.json}. Immutable: every change makes a new record that is written
 * atomically over the old file.
 *
 * @param device the device the worker trained on, e.g. {@code cpu()} or {@code gpu(0)}
 * @param reason why a run failed, was cancelled or interrupted
 * @param trainSeconds wall time of the whole training, evaluation included
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
        Double trainSeconds) {

    public static RunRecord queued(String id, RunConfig config, Instant now) {
        return new RunRecord(id, config, RunStatus.QUEUED, now, null, null, null, null, null, null);
    }

    public RunRecord started(String deviceName, Instant now) {
        return new RunRecord(id, config, RunStatus.RUNNING, createdAt, now, null, deviceName, null, null, null);
    }

    public RunRecord completed(TestResult result, double seconds, Instant now) {
        return new RunRecord(id, config, RunStatus.COMPLETED, createdAt, startedAt, now, device, null, result, seconds);
    }

    public RunRecord ended(RunStatus finalStatus, String why, Instant now) {
        return new RunRecord(id, config, finalStatus, createdAt, startedAt, now, device, why, test, trainSeconds);
    }
}
