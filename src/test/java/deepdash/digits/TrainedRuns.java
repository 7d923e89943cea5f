package deepdash.digits;

import deepdash.model.CnnSettings;
import deepdash.model.CnnSpec;
import deepdash.protocol.RunConfig;
import deepdash.protocol.RunFolder;
import deepdash.protocol.RunRecord;
import deepdash.protocol.RunStatus;
import deepdash.protocol.TestResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes run folders as a finished worker leaves them, for tests that need trained runs without
 * spending minutes training: the parameters are the shipped model's.
 */
public final class TrainedRuns {

    private static final String SHIPPED_PARAMETERS = "/data/models/cnn-mnist/model/cnn-0000.params";

    private TrainedRuns() {
    }

    /** A completed CNN run with saved parameters and a recorded test accuracy. */
    public static void completedCnn(Path runsDir, String id, double testAccuracy) {
        write(runsDir, id, CnnSpec.runConfig(CnnSettings.DEFAULTS.withEpochs(2).withTrainLimit(6000)),
                RunStatus.COMPLETED,
                new TestResult(0.1, testAccuracy, null, 10_000, 1.0), true);
    }

    /**
     * @param withParameters whether {@code model/cnn-0000.params} exists
     */
    public static void write(Path runsDir, String id, RunConfig config, RunStatus status, TestResult test,
            boolean withParameters) {
        Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");
        RunRecord queued = RunRecord.queued(id, config, createdAt);
        RunRecord record = switch (status) {
            case QUEUED -> queued;
            case RUNNING -> queued.started("cpu()", createdAt);
            case COMPLETED -> queued.started("cpu()", createdAt).completed(test, 60, createdAt);
            default -> queued.started("cpu()", createdAt).ended(status, "stopped by a test", createdAt);
        };
        RunFolder folder = new RunFolder(runsDir.resolve(id));
        folder.writeRecord(record);
        if (withParameters) {
            Path target = folder.parametersFile("cnn");
            try (InputStream in = TrainedRuns.class.getResourceAsStream(SHIPPED_PARAMETERS)) {
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
