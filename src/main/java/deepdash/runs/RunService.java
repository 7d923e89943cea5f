package deepdash.runs;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.events.EventHub;
import deepdash.json.Json;
import deepdash.model.InvalidRunConfigException;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.Progress;
import deepdash.protocol.RunConfig;
import deepdash.protocol.RunFolder;
import deepdash.protocol.RunRecord;
import deepdash.protocol.RunStatus;
import deepdash.protocol.WorkerProtocol;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Runs training: creates runs, queues them, starts at most {@code maxWorkers} worker processes,
 * turns what the workers report into events on the {@link EventHub}, and records how each run
 * ended. Survives anything a worker does: a worker that dies marks its run failed, nothing more.
 */
public final class RunService implements AutoCloseable {

    /** Event names on a run's stream. */
    public static final String EVENT_PROGRESS = "progress";
    public static final String EVENT_EPOCH = "epoch";
    public static final String EVENT_STATUS = "status";

    private final RunStore store;
    private final EventHub hub;
    private final WorkerLauncher launcher;
    private final int maxWorkers;
    private final Clock clock;
    private final Map<String, RunConfigChecker> checkers;

    /** Every run, by id; ids sort by creation time, so listing newest first needs no sorting. */
    private final ConcurrentNavigableMap<String, LiveRun> runs = new ConcurrentSkipListMap<>();
    private final Deque<String> queue = new ArrayDeque<>();
    private int running;
    private volatile boolean closed;

    /** Validates a model's run settings and returns them with defaults filled in. */
    public interface RunConfigChecker extends UnaryOperator<RunConfig> {

        /**
         * Puts what the worker will need into the new run's folder (an LSTM run copies its prices),
         * before {@code run.json} is written: a folder without one is not a run, so a failure here
         * leaves no run behind.
         */
        default void prepare(RunConfig checked, RunFolder folder) {
        }
    }

    private static final class LiveRun {
        volatile RunRecord record;
        final List<EpochMetrics> epochs = new CopyOnWriteArrayList<>();
        volatile Progress progress;
        volatile Process process;
        volatile boolean cancelRequested;

        LiveRun(RunRecord record, List<EpochMetrics> epochs) {
            this.record = record;
            this.epochs.addAll(epochs);
        }
    }

    public RunService(RunStore store, EventHub hub, WorkerLauncher launcher, int maxWorkers, Clock clock,
            Map<String, RunConfigChecker> checkers) {
        this.store = store;
        this.hub = hub;
        this.launcher = launcher;
        this.maxWorkers = maxWorkers;
        this.clock = clock;
        this.checkers = Map.copyOf(checkers);
    }

    /**
     * Loads every run on disk. Runs that a crash left {@code running} or {@code queued} are marked
     * {@code interrupted}: their completed epochs stay, and the user decides whether to start again.
     */
    public void recover() {
        store.sweepDeleted();
        for (String id : store.listIds()) {
            RunRecord record;
            try {
                record = store.read(id).orElseThrow();
            } catch (RuntimeException unreadable) {
                continue;
            }
            List<EpochMetrics> epochs = store.readEpochs(id);
            if (!record.status().isFinal()) {
                String was = record.status().wireName();
                record = record.ended(RunStatus.INTERRUPTED, "the server stopped while this run was " + was + "; "
                        + epochs.size() + " of " + record.config().epochs() + " epochs were completed",
                        clock.instant());
                store.write(record);
            }
            LiveRun run = new LiveRun(record, epochs);
            runs.put(id, run);
            for (EpochMetrics epoch : epochs) {
                hub.publish(id, EVENT_EPOCH, Json.write(epoch), true, false);
            }
            publishStatus(id, run);
        }
    }

    public RunView create(RunConfig requested) {
        if (requested == null || requested.model() == null || requested.model().isBlank()) {
            throw new InvalidRunConfigException("model", "is required (one of " + String.join(", ",
                    checkers.keySet().stream().sorted().toList()) + ")");
        }
        RunConfigChecker checker = checkers.get(requested.model());
        if (checker == null) {
            throw new InvalidRunConfigException("model", "unknown model \"" + requested.model() + "\"; expected one of "
                    + String.join(", ", checkers.keySet().stream().sorted().toList()));
        }
        RunConfig config = checker.apply(requested);
        RunRecord record = RunRecord.queued(RunStore.newId(clock.instant()), config, clock.instant());
        checker.prepare(config, store.folder(record.id()));
        store.write(record);
        LiveRun run = new LiveRun(record, List.of());
        runs.put(record.id(), run);
        synchronized (this) {
            queue.addLast(record.id());
        }
        publishStatus(record.id(), run);
        schedule();
        return view(record.id());
    }

    public RunView view(String id) {
        return view(find(id));
    }

    private RunView view(LiveRun run) {
        RunRecord record = run.record;
        return RunView.of(record, run.epochs, record.status() == RunStatus.RUNNING ? run.progress : null,
                queuePosition(record.id()));
    }

    /**
     * One page of the runs that match {@code query}, newest first, and how many match in all.
     * Works from memory: filtering a thousand records costs microseconds, and only the runs on the
     * page are turned into views.
     */
    public RunPage list(RunQuery query) {
        List<RunView> page = new ArrayList<>();
        int total = 0;
        for (LiveRun run : runs.descendingMap().values()) {
            if (!query.matches(run.record)) {
                continue;
            }
            if (total >= query.offset() && page.size() < query.limit()) {
                page.add(view(run));
            }
            total++;
        }
        return new RunPage(page, total, query);
    }

    /** The models a listing may filter by: those this server trains and those of stored runs. */
    public Set<String> models() {
        Set<String> models = new TreeSet<>(checkers.keySet());
        for (LiveRun run : runs.values()) {
            String model = run.record.config().model();
            if (model != null) {
                models.add(model);
            }
        }
        return models;
    }

    /**
     * Deletes a finished run: its folder, its events, its place in the listing. A queued or running
     * run must be cancelled first, so no worker is left writing into a folder that is gone.
     */
    public void delete(String id) {
        LiveRun run = find(id);
        synchronized (this) {
            if (runs.get(id) != run) {
                throw new RunNotFoundException(id);
            }
            RunStatus status = run.record.status();
            if (!status.isFinal()) {
                throw new RunConflictException("run " + id + " is " + status.wireName() + "; cancel it before "
                        + "deleting it");
            }
            store.delete(id);
            runs.remove(id);
        }
        hub.remove(id);
    }

    public RunView cancel(String id) {
        LiveRun run = find(id);
        Process process;
        synchronized (this) {
            RunStatus status = run.record.status();
            if (status.isFinal()) {
                throw new RunConflictException("run " + id + " has already ended (" + status.wireName() + ")");
            }
            if (queue.remove(id)) {
                finish(id, run, RunStatus.CANCELLED, "cancelled before it started");
                return view(id);
            }
            run.cancelRequested = true;
            process = run.process;
        }
        if (process != null) {
            // The supervisor sees the exit and records "cancelled"; the epochs done so far stay.
            process.destroy();
        }
        return view(id);
    }

    private LiveRun find(String id) {
        LiveRun run = RunStore.isValidId(id) ? runs.get(id) : null;
        if (run == null) {
            throw new RunNotFoundException(id);
        }
        return run;
    }

    private synchronized Integer queuePosition(String id) {
        int position = 1;
        for (String queued : queue) {
            if (queued.equals(id)) {
                return position;
            }
            position++;
        }
        return null;
    }

    private synchronized void schedule() {
        while (!closed && running < maxWorkers && !queue.isEmpty()) {
            String id = queue.removeFirst();
            LiveRun run = runs.get(id);
            if (run == null) {
                continue;
            }
            running++;
            start(id, run);
        }
        // Everyone still waiting moved up a place.
        for (String queued : queue) {
            publishStatus(queued, runs.get(queued));
        }
    }

    private void start(String id, LiveRun run) {
        Process process;
        try {
            process = launcher.launch(store.folder(id).path());
        } catch (IOException | RuntimeException e) {
            running--;
            finish(id, run, RunStatus.FAILED, "the training worker could not start: " + e.getMessage());
            return;
        }
        run.process = process;
        run.record = run.record.started(null, clock.instant());
        publishStatus(id, run);
        new WorkerSupervisor().watch(id, process, (type, data) -> onWorkerMessage(id, run, type, data),
                (code, stderr) -> onWorkerExit(id, run, code, stderr));
    }

    private void onWorkerMessage(String id, LiveRun run, String type, JsonNode data) {
        try {
            switch (type) {
                case WorkerProtocol.STARTED -> {
                    run.record = run.record.started(data.path("device").asText(null), run.record.startedAt());
                    publishStatus(id, run);
                }
                case WorkerProtocol.PROGRESS -> {
                    Progress progress = Json.mapper().treeToValue(data, Progress.class);
                    run.progress = progress;
                    hub.publish(id, EVENT_PROGRESS, Json.write(progress), false, false);
                }
                case WorkerProtocol.EPOCH -> {
                    EpochMetrics epoch = Json.mapper().treeToValue(data, EpochMetrics.class);
                    addEpoch(id, run, epoch);
                }
                default -> {
                    // "tested" and unknown types: the final record is read from disk at exit.
                }
            }
        } catch (IOException malformed) {
            // A line the server cannot read is skipped; the run files remain the record.
        }
    }

    private void addEpoch(String id, LiveRun run, EpochMetrics epoch) {
        synchronized (run) {
            if (run.epochs.stream().anyMatch(e -> e.epoch() == epoch.epoch())) {
                return;
            }
            run.epochs.add(epoch);
            hub.publish(id, EVENT_EPOCH, Json.write(epoch), true, false);
        }
    }

    private void onWorkerExit(String id, LiveRun run, int exitCode, String stderrTail) {
        // The files are the truth: catch up on any epoch whose stdout line was lost.
        for (EpochMetrics epoch : store.readEpochs(id)) {
            addEpoch(id, run, epoch);
        }
        RunRecord onDisk;
        try {
            onDisk = store.read(id).orElse(run.record);
        } catch (RuntimeException unreadable) {
            onDisk = run.record;
        }
        synchronized (this) {
            running--;
            run.process = null;
            if (onDisk.status() == RunStatus.COMPLETED) {
                run.record = onDisk;
                publishStatus(id, run);
            } else if (run.cancelRequested) {
                run.record = onDisk;
                finish(id, run, RunStatus.CANCELLED, "cancelled after " + run.epochs.size() + " of "
                        + onDisk.config().epochs() + " epochs");
            } else if (onDisk.status() == RunStatus.FAILED) {
                run.record = onDisk;
                publishStatus(id, run);
            } else {
                run.record = onDisk;
                finish(id, run, RunStatus.FAILED, ExitReasons.describe(exitCode, stderrTail));
            }
            schedule();
        }
    }

    private void finish(String id, LiveRun run, RunStatus status, String reason) {
        run.record = run.record.ended(status, reason, clock.instant());
        store.write(run.record);
        publishStatus(id, run);
    }

    private void publishStatus(String id, LiveRun run) {
        RunRecord record = run.record;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", record.status());
        data.put("device", record.device());
        data.put("reason", record.reason());
        data.put("test", record.test());
        data.put("trainSeconds", record.trainSeconds());
        data.put("queuePosition", queuePosition(id));
        data.put("epochs", run.epochs.size());
        hub.publish(id, EVENT_STATUS, Json.write(data), true, record.status().isFinal());
    }

    /** Stops every worker (they would stop anyway once this process's pipes close). */
    @Override
    public void close() {
        closed = true;
        for (LiveRun run : runs.values()) {
            Process process = run.process;
            if (process != null) {
                try {
                    OutputStream stdin = process.getOutputStream();
                    stdin.close();
                } catch (IOException ignored) {
                    // Closing stdin is the polite stop; destroy below is the firm one.
                }
                process.destroy();
            }
        }
    }
}
