package deepdash.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import deepdash.model.CnnSettings;
import deepdash.model.CnnSpec;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.RunFolder;
import deepdash.protocol.RunRecord;
import deepdash.protocol.RunStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {

    @TempDir
    Path temp;

    @Test
    void writesRunJsonAtomicallyWithoutLeavingTempFiles() throws Exception {
        RunStore store = new RunStore(temp);
        RunRecord record = RunRecord.queued("20260101-000000-abcdef", CnnSpec.runConfig(CnnSettings.DEFAULTS),
                Instant.now());
        store.write(record);
        store.write(record.started("cpu()", Instant.now()));
        assertThat(store.read(record.id())).get().extracting(RunRecord::status).isEqualTo(RunStatus.RUNNING);
        try (Stream<Path> files = Files.list(store.folder(record.id()).path())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("run.json");
        }
    }

    @Test
    void ignoresATornLastMetricsLine() throws Exception {
        RunStore store = new RunStore(temp);
        Path dir = store.folder("20260101-000000-abcdef").path();
        Files.createDirectories(dir);
        new RunFolder(dir).appendEpoch(EpochMetrics.classifier(1, 0.3, 0.9, 0.2, 0.93, 10, 4800, 10));
        new RunFolder(dir).appendEpoch(EpochMetrics.classifier(2, 0.1, 0.96, 0.1, 0.97, 10, 4800, 20));
        Files.writeString(dir.resolve(RunFolder.METRICS_FILE), "{\"epoch\":3,\"loss\":0.0",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(new RunFolder(dir).readEpochs()).extracting(EpochMetrics::epoch).containsExactly(1, 2);
    }

    @Test
    void refusesIdsThatCouldLeaveTheRunsFolder() {
        RunStore store = new RunStore(temp);
        for (String id : new String[] {"..", "../etc", "a/b", "%2e%2e", "A", "", ".hidden", "x".repeat(65)}) {
            assertThat(RunStore.isValidId(id)).as(id).isFalse();
            assertThatThrownBy(() -> store.folder(id).path()).isInstanceOf(IllegalArgumentException.class);
            assertThat(store.read(id)).isEmpty();
        }
    }

    @Test
    void newIdsSortByCreationTime() {
        String earlier = RunStore.newId(Instant.parse("2026-01-01T00:00:00Z"));
        String later = RunStore.newId(Instant.parse("2026-01-01T00:00:01Z"));
        assertThat(earlier).isLessThan(later);
        assertThat(RunStore.isValidId(earlier)).isTrue();
    }

    @Test
    void idsOfTheSameSecondSortByTheirMillisecond() {
        for (int i = 0; i < 200; i++) {
            String first = RunStore.newId(Instant.parse("2026-01-01T00:00:00.041Z"));
            String second = RunStore.newId(Instant.parse("2026-01-01T00:00:00.042Z"));
            assertThat(first).isLessThan(second).matches("20260101-000000-[0-9a-f]{6}");
        }
        assertThat(RunStore.newId(Instant.parse("2026-01-01T00:00:00.999Z"))).matches("20260101-000000-f9[0-9a-f]{4}");
    }

    @Test
    void deleteRemovesThatRunsFolderAndNothingElse() throws Exception {
        Path runs = temp.resolve("runs");
        RunStore store = new RunStore(runs);
        List<String> ids = List.of("20260101-000000-aaaaaa", "20260101-000001-bbbbbb", "20260101-000002-cccccc");
        for (String id : ids) {
            store.write(RunRecord.queued(id, CnnSpec.runConfig(CnnSettings.DEFAULTS), Instant.now()));
            store.folder(id).appendEpoch(EpochMetrics.classifier(1, 0.3, 0.9, 0.2, 0.93, 10, 4800, 10));
        }
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("precious.txt"), "keep me");
        Files.writeString(temp.resolve("next-to-runs.txt"), "keep me too");
        Path doomed = store.folder(ids.get(1)).path();
        Files.createDirectories(doomed.resolve("model"));
        Files.writeString(doomed.resolve("model").resolve("cnn-0000.params"), "parameters");
        // A link inside the run folder must be removed, never followed.
        Files.createSymbolicLink(doomed.resolve("model").resolve("escape"), outside);
        Files.createSymbolicLink(doomed.resolve("file-link"), outside.resolve("precious.txt"));

        assertThat(store.delete(ids.get(1))).isTrue();

        assertThat(doomed).doesNotExist();
        assertThat(outside.resolve("precious.txt")).hasContent("keep me");
        assertThat(temp.resolve("next-to-runs.txt")).hasContent("keep me too");
        assertThat(store.listIds()).containsExactly(ids.get(0), ids.get(2));
        assertThat(store.folder(ids.get(0)).readEpochs()).hasSize(1);
        try (Stream<Path> left = Files.list(runs)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(ids.get(0), ids.get(2));
        }
        assertThat(store.delete(ids.get(1))).as("already gone").isFalse();
        assertThatThrownBy(() -> store.delete("../outside")).isInstanceOf(IllegalArgumentException.class);
        assertThat(outside).exists();
    }

    @Test
    void aLinkInPlaceOfARunFolderIsRemovedNotWhatItPointsTo() throws Exception {
        RunStore store = new RunStore(temp.resolve("runs"));
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("run.json"), "{}");
        Files.createSymbolicLink(store.folder("20260101-000000-aaaaaa").path(), elsewhere);
        assertThat(store.delete("20260101-000000-aaaaaa")).isTrue();
        assertThat(elsewhere.resolve("run.json")).exists();
        assertThat(store.folder("20260101-000000-aaaaaa").path()).doesNotExist();
    }

    @Test
    void aDeletionACrashInterruptedIsFinishedAndNeverListed() throws Exception {
        RunStore store = new RunStore(temp);
        Path half = Files.createDirectories(temp.resolve(RunStore.DELETED_PREFIX + "20260101-000000-aaaaaa-123456"));
        Files.writeString(half.resolve("run.json"), "{}");
        assertThat(store.listIds()).isEmpty();
        store.sweepDeleted();
        assertThat(half).doesNotExist();
    }

    @Test
    void modelFilesAreTheFinishedParameterFilesOnly() throws Exception {
        RunStore store = new RunStore(temp);
        String id = "20260101-000000-aaaaaa";
        Path model = Files.createDirectories(store.folder(id).path().resolve("model"));
        assertThat(store.modelFiles(id)).isEmpty();
        Files.createDirectories(model.resolve(".saving-123"));
        Files.writeString(model.resolve(".saving-123").resolve("cnn-0000.params"), "half");
        Files.writeString(model.resolve(".cnn-0000.params.42.tmp"), "half");
        assertThat(store.modelFiles(id)).isEmpty();
        Files.writeString(model.resolve("cnn-0000.params"), "whole");
        assertThat(store.modelFiles(id)).containsExactly(model.resolve("cnn-0000.params"));
    }
}
