package deepdash.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {

    @TempDir
    Path temp;

    @Test
    void writesRunJsonAtomicallyWithoutLeavingTempFiles() throws Exception {
        RunStore store = new RunStore(temp);
        RunRecord record = RunRecord.queued("20260101-000000-abcdef", RunConfig.cnnDefaults(), Instant.now());
        store.write(record);
        store.write(record.started("cpu()", Instant.now()));
        assertThat(store.read(record.id())).get().extracting(RunRecord::status).isEqualTo(RunStatus.RUNNING);
        try (Stream<Path> files = Files.list(store.runDir(record.id()))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("run.json");
        }
    }

    @Test
    void ignoresATornLastMetricsLine() throws Exception {
        RunStore store = new RunStore(temp);
        Path dir = store.runDir("20260101-000000-abcdef");
        Files.createDirectories(dir);
        RunStore.appendEpoch(dir, EpochMetrics.classifier(1, 0.3, 0.9, 0.2, 0.93, 10, 4800, 10));
        RunStore.appendEpoch(dir, EpochMetrics.classifier(2, 0.1, 0.96, 0.1, 0.97, 10, 4800, 20));
        Files.writeString(dir.resolve(RunStore.METRICS_FILE), "{\"epoch\":3,\"loss\":0.0",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(RunStore.readEpochs(dir)).extracting(EpochMetrics::epoch).containsExactly(1, 2);
    }

    @Test
    void refusesIdsThatCouldLeaveTheRunsFolder() {
        RunStore store = new RunStore(temp);
        for (String id : new String[] {"..", "../etc", "a/b", "%2e%2e", "A", "", ".hidden", "x".repeat(65)}) {
            assertThat(RunStore.isValidId(id)).as(id).isFalse();
            assertThatThrownBy(() -> store.runDir(id)).isInstanceOf(IllegalArgumentException.class);
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
}
