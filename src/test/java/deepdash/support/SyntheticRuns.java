package deepdash.support;

import deepdash.i18n.Text;
import deepdash.model.CnnSettings;
import deepdash.model.CnnSpec;
import deepdash.model.SeriesSettings;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.RunConfig;
import deepdash.protocol.RunRecord;
import deepdash.protocol.RunStatus;
import deepdash.protocol.TestResult;
import deepdash.runs.RunStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes finished runs straight into a run store, as workers would have left them: {@code run.json}
 * and {@code metrics.jsonl}, no model. Deterministic: run {@code i} is created {@code i} minutes
 * after the first, every fourth run is an LSTM run, and one run in ten each failed, was cancelled
 * or was interrupted; the rest completed.
 */
public final class SyntheticRuns {

    public static final Instant FIRST = Instant.parse("2025-01-01T00:00:00Z");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private SyntheticRuns() {
    }

    /** What {@link #write} made, for assertions. */
    public record Written(List<String> ids, Map<RunStatus, Integer> byStatus, int lstm) {

        /** The newest run first, as the listing sorts them. */
        public List<String> newestFirst() {
            List<String> reversed = new ArrayList<>(ids);
            Collections.reverse(reversed);
            return reversed;
        }
    }

    public static String id(int index) {
        return ID_TIME.format(FIRST.plusSeconds(60L * index)) + String.format(Locale.ROOT, "-%06x", index);
    }

    public static boolean isLstm(int index) {
        return index % 4 == 3;
    }

    public static RunStatus status(int index) {
        return switch (index % 10) {
            case 7 -> RunStatus.FAILED;
            case 8 -> RunStatus.CANCELLED;
            case 9 -> RunStatus.INTERRUPTED;
            default -> RunStatus.COMPLETED;
        };
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Written write(RunStore store, int count, int epochsPerRun) {
        List<String> ids = new ArrayList<>();
        Map<RunStatus, Integer> byStatus = new EnumMap<>(RunStatus.class);
        int lstm = 0;
        for (int i = 0; i < count; i++) {
            String id = id(i);
            boolean isLstm = isLstm(i);
            RunConfig config = isLstm
                    ? RunConfig.of("lstm", new SeriesSettings(epochsPerRun, 64, 0.001, "auto",
                            "ds-" + String.format(Locale.ROOT, "%04x", i % 7), "Close", 30 + i % 3 * 10, "2015-01-01",
                            "2024-12-31", "2023-01-01", null, null))
                    : CnnSpec.runConfig(new CnnSettings(epochsPerRun, 32 << (i % 3), 0.001 * (1 + i % 5),
                            1000 + i % 4 * 1000, "auto"));
            Instant created = FIRST.plusSeconds(60L * i);
            RunRecord record = RunRecord.queued(id, config, created).started("cpu()", created.plusSeconds(1));
            List<EpochMetrics> epochs = new ArrayList<>();
            RunStatus status = status(i);
            int done = status == RunStatus.COMPLETED ? epochsPerRun : epochsPerRun / 2;
            for (int e = 1; e <= done; e++) {
                double progress = (double) e / epochsPerRun;
                epochs.add(isLstm
                        ? EpochMetrics.regressor(e, 0.02 / e, 0.1 / e + i * 1e-5, 0.03 / e, 0.12 / e + i * 1e-5, 2.5,
                                1200, 2.5 * e)
                        : EpochMetrics.classifier(e, 1.0 / e, 0.8 + 0.15 * progress, 0.9 / e,
                                0.79 + 0.15 * progress + i * 1e-6, 3.0, 2600, 3.0 * e));
            }
            createFolder(store.folder(id).path());
            for (EpochMetrics epoch : epochs) {
                store.folder(id).appendEpoch(epoch);
            }
            Instant finished = created.plusSeconds(1 + 3L * done);
            record = switch (status) {
                case COMPLETED -> record.completed(isLstm ? new TestResult(0.02, null, 0.05, 500, 0.1)
                        : new TestResult(0.1, 0.95, null, 10_000, 2.0), 3.0 * done, finished);
                // The reasons the server itself writes: keyed, so each page words them in its language.
                case FAILED -> record.ended(status, Text.of("run.reason.killed_sigkill"), finished);
                case CANCELLED -> record.ended(status, Text.of("run.reason.cancelled", done, epochsPerRun), finished);
                default -> record.ended(status, Text.of("run.reason.interrupted_running", done, epochsPerRun),
                        finished);
            };
            store.write(record);
            ids.add(id);
            byStatus.merge(status, 1, Integer::sum);
            lstm += isLstm ? 1 : 0;
        }
        return new Written(ids, byStatus, lstm);
    }
}
