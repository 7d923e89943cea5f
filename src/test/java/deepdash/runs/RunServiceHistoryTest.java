package deepdash.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import deepdash.events.EventHub;
import deepdash.events.StreamEvent;
import deepdash.events.Subscription;
import deepdash.model.CnnSettings;
import deepdash.model.CnnSpec;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.RunStatus;
import deepdash.support.SyntheticRuns;
import deepdash.support.SyntheticRuns.Written;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Listing and deleting, on runs written straight to disk and a stand-in worker ({@code cat}). */
@Timeout(60)
class RunServiceHistoryTest {

    @TempDir
    Path temp;
    RunService service;
    RunStore store;
    EventHub hub = new EventHub();

    /** {@code cat} runs until its stdin closes or it is destroyed, like a worker that never reports. */
    static final WorkerLauncher IDLE_WORKER = runDir -> new ProcessBuilder("cat").start();

    RunService start(int maxWorkers) {
        store = new RunStore(temp.resolve("runs"));
        service = new RunService(store, hub, IDLE_WORKER, maxWorkers, Clock.systemUTC(),
                Map.of(CnnSpec.NAME, new ModelRunChecker(new CnnSpec(), null, () -> 0)));
        service.recover();
        return service;
    }

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
    }

    static List<String> ids(RunPage page) {
        return page.runs().stream().map(RunView::id).toList();
    }

    @Test
    void listsNewestFirstWithFiltersPagesAndTheTotal() {
        Written written = SyntheticRuns.write(new RunStore(temp.resolve("runs")), 120, 4);
        start(1);

        RunPage first = service.list(RunQuery.firstPage());
        assertThat(first.total()).isEqualTo(120);
        assertThat(ids(first)).containsExactlyElementsOf(written.newestFirst().subList(0, 50));
        assertThat(first.hasNext()).isTrue();
        assertThat(first.hasPrevious()).isFalse();

        RunPage last = service.list(new RunQuery(null, Set.of(), 100, 50));
        assertThat(ids(last)).containsExactlyElementsOf(written.newestFirst().subList(100, 120));
        assertThat(last.hasNext()).isFalse();
        assertThat(service.list(new RunQuery(null, Set.of(), 500, 50)).runs()).isEmpty();
        assertThat(service.list(new RunQuery(null, Set.of(), 0, 0)).total()).isEqualTo(120);

        RunPage lstm = service.list(new RunQuery("lstm", Set.of(), 0, 500));
        assertThat(lstm.total()).isEqualTo(written.lstm()).isEqualTo(30);
        assertThat(lstm.runs()).allMatch(r -> r.model().equals("lstm"));

        RunPage broken = service.list(new RunQuery(null, Set.of(RunStatus.FAILED, RunStatus.INTERRUPTED), 0, 500));
        assertThat(broken.total()).isEqualTo(written.byStatus().get(RunStatus.FAILED)
                + written.byStatus().get(RunStatus.INTERRUPTED));
        assertThat(broken.runs()).allMatch(r -> r.status() == RunStatus.FAILED || r.status() == RunStatus.INTERRUPTED);
        assertThat(ids(broken)).isSortedAccordingTo((a, b) -> b.compareTo(a));

        RunPage both = service.list(new RunQuery("cnn", Set.of(RunStatus.CANCELLED), 0, 500));
        assertThat(both.runs()).isNotEmpty().allMatch(r -> r.model().equals("cnn")
                && r.status() == RunStatus.CANCELLED);

        assertThat(service.models()).as("stored LSTM runs can be filtered even before the LSTM trains here")
                .containsExactly("cnn", "lstm");
    }

    @Test
    void aRunReadFromDiskReadsItsEpochsWhenFirstAskedAndReplaysThemOnItsStream() throws Exception {
        Written written = SyntheticRuns.write(new RunStore(temp.resolve("runs")), 4, 2);
        start(1);
        // Chosen from the files, not the service: asking the service would read the epochs.
        String id = written.ids().stream().map(i -> store.read(i).orElseThrow())
                .filter(r -> r.status() == RunStatus.COMPLETED && r.config().model().equals("cnn"))
                .findFirst().orElseThrow().id();
        // Start-up read only the records: this epoch, written after it, is there when first asked for.
        store.folder(id).appendEpoch(EpochMetrics.classifier(3, 0.3, 0.9, 0.35, 0.88, 3.0, 2600, 9.0));
        assertThat(service.view(id).epochs()).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3);
        // Read once: what the file gets after that (nothing does, for a finished run) is not read again.
        store.folder(id).appendEpoch(EpochMetrics.classifier(4, 0.2, 0.9, 0.35, 0.88, 3.0, 2600, 12.0));
        assertThat(service.view(id).epochs()).hasSize(3);

        Subscription stream = hub.subscribe(id, 0);
        List<String> names = new ArrayList<>();
        StreamEvent event;
        StreamEvent last = null;
        while ((event = stream.next(0)) != null) {
            names.add(event.name());
            last = event;
        }
        assertThat(names).containsExactly(RunService.EVENT_EPOCH, RunService.EVENT_EPOCH, RunService.EVENT_EPOCH,
                RunService.EVENT_STATUS);
        assertThat(last.terminal()).isTrue();
        assertThat(last.data()).contains("\"status\":\"completed\"").contains("\"epochs\":3");
        assertThat(hub.subscribe(id, 3).next(0).name()).as("a reconnect resumes after its last id")
                .isEqualTo(RunService.EVENT_STATUS);
    }

    @Test
    void deletingAFinishedRunRemovesItsFolderItsEventsAndItsRow() throws Exception {
        Written written = SyntheticRuns.write(new RunStore(temp.resolve("runs")), 5, 2);
        start(1);
        String doomed = written.ids().get(2);
        Subscription listener = hub.subscribe(doomed, 0);
        assertThat(listener.next(0)).as("its history was replayed into the hub").isNotNull();

        service.delete(doomed);

        assertThat(store.folder(doomed).path()).doesNotExist();
        assertThat(service.list(RunQuery.firstPage()).total()).isEqualTo(4);
        assertThat(hub.subscribe(doomed, 0).next(0)).as("its events are forgotten").isNull();
        assertThat(store.listIds()).containsExactlyElementsOf(written.ids().stream().filter(id -> !id.equals(doomed))
                .toList());
        assertThatThrownBy(() -> service.view(doomed)).isInstanceOf(RunNotFoundException.class);
        assertThatThrownBy(() -> service.delete(doomed)).isInstanceOf(RunNotFoundException.class);
        assertThatThrownBy(() -> service.delete("../runs")).isInstanceOf(RunNotFoundException.class);

        // After a restart the run stays gone.
        service.close();
        start(1);
        assertThatThrownBy(() -> service.view(doomed)).isInstanceOf(RunNotFoundException.class);
        assertThat(service.list(RunQuery.firstPage()).total()).isEqualTo(4);
    }

    @Test
    void queuedAndRunningRunsMustBeCancelledBeforeTheyAreDeleted() throws Exception {
        start(1);
        String running = service.create(CnnSpec.runConfig(CnnSettings.DEFAULTS)).id();
        String queued = service.create(CnnSpec.runConfig(CnnSettings.DEFAULTS)).id();
        assertThat(service.view(running).status()).isEqualTo(RunStatus.RUNNING);
        assertThat(service.view(queued).status()).isEqualTo(RunStatus.QUEUED);

        assertThatThrownBy(() -> service.delete(running)).isInstanceOf(RunConflictException.class)
                .hasMessageContaining("cancel");
        assertThatThrownBy(() -> service.delete(queued)).isInstanceOf(RunConflictException.class);
        assertThat(store.folder(running).path()).exists();
        assertThat(store.folder(queued).path()).exists();

        service.cancel(queued);
        service.delete(queued);
        assertThat(store.folder(queued).path()).doesNotExist();

        service.cancel(running);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!service.view(running).status().isFinal() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(service.view(running).status()).isEqualTo(RunStatus.CANCELLED);
        service.delete(running);
        assertThat(store.folder(running).path()).doesNotExist();
        try (var left = Files.list(store.root())) {
            assertThat(left).isEmpty();
        }
    }
}
