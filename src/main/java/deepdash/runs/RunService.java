package deepdash.runs;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.events.Delivery;
import deepdash.events.EventHub;
import deepdash.i18n.Lang;
import deepdash.i18n.Messages;
import deepdash.i18n.Text;
import deepdash.json.Json;
import deepdash.model.InvalidRunConfigException;
import deepdash.protocol.BatchLoss;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.EvaluationProgress;
import deepdash.protocol.FailureMessages;
import deepdash.protocol.Progress;
import deepdash.protocol.RunConfig;
import deepdash.protocol.RunFolder;
import deepdash.protocol.RunRecord;
import deepdash.protocol.RunStatus;
import deepdash.protocol.WorkerProtocol;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs training: creates runs, queues them, starts at most {@code maxWorkers} worker processes,
 * turns what the workers report into events on the {@link EventHub}, and records how each run
 * ended. Survives anything a worker does: a worker that dies marks its run failed, nothing more.
 *
 * <p>However a worker ends (it finishes, fails, is killed, is cancelled, or its run folder cannot
 * be written), the run gets a final status in memory and on its stream, the worker slot is freed
 * and the next queued run starts: {@link #onWorkerExit} does this in a {@code finally}. Workers
 * that stop talking are handled by one watchdog thread for all runs: a cancelled worker gets
 * SIGTERM, then SIGKILL after {@code cancelGrace}; a silent one is killed by the rule in
 * {@link WorkerLiveness}.
 */
public final class RunService implements AutoCloseable {

    /** Event names on a run's stream. */
    public static final String EVENT_PROGRESS = "progress";
    public static final String EVENT_EPOCH = "epoch";
    public static final String EVENT_STATUS = "status";

    /** The defaults of {@code AppConfig}, for callers that do not set them. */
    public static final Duration DEFAULT_CANCEL_GRACE = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STALL_FLOOR = Duration.ofSeconds(120);

    private static final Logger LOG = LoggerFactory.getLogger(RunService.class);

    private final RunStore store;
    private final EventHub hub;
    private final WorkerLauncher launcher;
    private final int maxWorkers;
    private final Clock clock;
    private final Map<String, RunConfigChecker> checkers;
    private final Duration cancelGrace;
    private final Duration stallFloor;
    /** One thread for every run's timers: the stall checks and the SIGKILL after a cancel's grace. */
    private final ScheduledExecutorService watchdog;
    /** Runs whose worker process has not been seen to exit yet. */
    private final Set<LiveRun> working = ConcurrentHashMap.newKeySet();

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
        /** Null for a run read from disk until its epochs are first asked for (see {@link #epochs()}). */
        private volatile List<EpochMetrics> epochs;
        /** Reads the epochs of a run read from disk; null once read, and for runs made here. */
        private Supplier<List<EpochMetrics>> storedEpochs;
        volatile Progress progress;
        volatile Process process;
        volatile WorkerLiveness liveness;
        volatile boolean cancelRequested;
        /** The cancelled worker ignored SIGTERM for the whole grace period and got SIGKILL. */
        volatile boolean killedAfterGrace;
        /** Set when the watchdog killed a silent worker: the run's reason. */
        volatile Text stallReason;
        /** The message of the worker's {@code error} line. */
        volatile String workerError;
        /** The name and notes a person gave the run; kept in {@code label.json}, not in the record. */
        volatile RunLabel label = RunLabel.NONE;
        /** Read from disk at start-up: its stream events are made when a client first asks (see recover). */
        volatile boolean fromDisk;
        /** The step of the last point kept in the per-step loss series; lines come from one thread. */
        long lastBatchStep = -1;

        LiveRun(RunRecord record, List<EpochMetrics> epochs) {
            this.record = record;
            this.epochs = new CopyOnWriteArrayList<>(epochs);
        }

        /** A run read from disk, whose epochs are read when first needed. */
        LiveRun(RunRecord record, Supplier<List<EpochMetrics>> storedEpochs) {
            this.record = record;
            this.storedEpochs = storedEpochs;
        }

        /** The epochs so far; for a run read from disk they are read now if they were not yet. */
        List<EpochMetrics> epochs() {
            List<EpochMetrics> known = epochs;
            if (known == null) {
                synchronized (this) {
                    known = epochs;
                    if (known == null) {
                        known = new CopyOnWriteArrayList<>(storedEpochs.get());
                        epochs = known;
                        storedEpochs = null;
                    }
                }
            }
            return known;
        }
    }

    /** With the default cancel grace (5 s) and stall floor (120 s). */
    public RunService(RunStore store, EventHub hub, WorkerLauncher launcher, int maxWorkers, Clock clock,
            Map<String, RunConfigChecker> checkers) {
        this(store, hub, launcher, maxWorkers, clock, checkers, DEFAULT_CANCEL_GRACE, DEFAULT_STALL_FLOOR);
    }

    /**
     * @param cancelGrace how long a cancelled worker gets between SIGTERM and SIGKILL
     * @param stallFloor the shortest silence after which a worker is taken as stuck (see
     *     {@link WorkerLiveness} for the whole rule)
     */
    public RunService(RunStore store, EventHub hub, WorkerLauncher launcher, int maxWorkers, Clock clock,
            Map<String, RunConfigChecker> checkers, Duration cancelGrace, Duration stallFloor) {
        this.store = store;
        this.hub = hub;
        this.launcher = launcher;
        this.maxWorkers = maxWorkers;
        this.clock = clock;
        this.checkers = Map.copyOf(checkers);
        this.cancelGrace = cancelGrace;
        this.stallFloor = stallFloor;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "worker-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        // A few checks per floor, at most one a second: a stall is noticed within a second of its limit.
        long checkMillis = Math.max(50, Math.min(1_000, stallFloor.toMillis() / 4));
        watchdog.scheduleWithFixedDelay(this::killStalledWorkers, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Loads every run on disk. Runs that a crash left {@code running} or {@code queued} are marked
     * {@code interrupted}: their completed epochs stay, and the user decides whether to start again.
     */
    public void recover() {
        store.sweepDeleted();
        // A thousand runs took a second to read whole at start-up; only their records are read
        // now, and each run's epochs and stream events when something first asks for them.
        hub.historyFrom(this::storedEvents);
        for (String id : store.listIds()) {
            RunRecord record;
            try {
                record = store.read(id).orElseThrow();
            } catch (RuntimeException unreadable) {
                continue;
            }
            LiveRun run;
            if (record.status().isFinal()) {
                run = new LiveRun(record, () -> readEpochs(id));
                run.fromDisk = true;
            } else {
                List<EpochMetrics> epochs = readEpochs(id);
                String was = record.status().wireName();
                record = record.ended(RunStatus.INTERRUPTED, Text.of("run.reason.interrupted_" + was,
                        epochs.size(), record.config().epochs()), clock.instant());
                try {
                    store.write(record);
                } catch (RuntimeException notWritten) {
                    // One unwritable run folder must not keep the server from starting.
                    LOG.warn("run {}: cannot record that it was interrupted: {}", id, FailureMessages.of(notWritten));
                }
                run = new LiveRun(record, epochs);
                run.fromDisk = true;
            }
            try {
                run.label = store.readLabel(id);
            } catch (RuntimeException unreadable) {
                // The run itself is intact; it lists without its name until someone sets one again.
                LOG.warn("run {}: cannot read its name and notes: {}", id, FailureMessages.of(unreadable));
            }
            runs.put(id, run);
        }
    }

    /** A stored run's epochs; none, with a warning, when its metrics file cannot be read. */
    private List<EpochMetrics> readEpochs(String id) {
        try {
            return store.readEpochs(id);
        } catch (RuntimeException unreadable) {
            LOG.warn("run {}: cannot read its epochs: {}", id, FailureMessages.of(unreadable));
            return List.of();
        }
    }

    /**
     * The retained events of a run read from disk, for the hub when a client first opens the
     * run's stream: its epochs and its final status. None for any other topic: a run made since
     * the start published its own as they happened.
     */
    private List<EventHub.Retained> storedEvents(String id) {
        LiveRun run = runs.get(id);
        if (run == null || !run.fromDisk) {
            return List.of();
        }
        List<EventHub.Retained> events = new ArrayList<>();
        for (EpochMetrics epoch : run.epochs()) {
            events.add(new EventHub.Retained(EVENT_EPOCH, () -> Json.write(epoch), Delivery.RETAINED));
        }
        events.add(new EventHub.Retained(EVENT_STATUS, statusData(id, run), statusDelivery(run)));
        return events;
    }

    public RunView create(RunConfig requested) {
        if (requested == null || requested.model() == null || requested.model().isBlank()) {
            throw new InvalidRunConfigException("model", Text.of("error.run.model_required", String.join(", ",
                    checkers.keySet().stream().sorted().toList())));
        }
        RunConfigChecker checker = checkers.get(requested.model());
        if (checker == null) {
            throw new InvalidRunConfigException("model", Text.of("error.run.unknown_model", requested.model(),
                    String.join(", ", checkers.keySet().stream().sorted().toList())));
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
        return RunView.of(record, run.epochs(), record.status() == RunStatus.RUNNING ? run.progress : null,
                queuePosition(record.id()), run.label);
    }

    /**
     * Sets run {@code id}'s name, notes or both, in any state: {@code patch}'s null fields stay as they
     * are, empty ones are cleared. Written to the run folder before it shows anywhere.
     *
     * @throws InvalidRunLabelException a name or notes too long, or holding control characters
     * @throws RunNotFoundException no such run, or it was deleted meanwhile
     */
    public RunView relabel(String id, RunLabel patch) {
        LiveRun run = find(id);
        synchronized (this) {
            // Under the lock delete() takes: a deleted run's folder is never made again by this write.
            if (runs.get(id) != run) {
                throw new RunNotFoundException(id);
            }
            RunLabel label = run.label.with(patch);
            store.writeLabel(id, label);
            run.label = label;
        }
        return view(run);
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
                throw new RunConflictException(Text.of("error.run.delete_unfinished", id, status.wireName()));
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
                throw new RunConflictException(Text.of("error.run.already_ended", id, status.wireName()));
            }
            if (queue.remove(id)) {
                finish(id, run, RunStatus.CANCELLED, Text.of("run.reason.cancelled_queued"));
                return view(id);
            }
            run.cancelRequested = true;
            process = run.process;
        }
        if (process != null) {
            // SIGTERM first: a healthy worker's JVM exits at once. One that is stopped or stuck gets
            // SIGKILL after the grace. The supervisor sees the exit and records "cancelled"; the
            // epochs done so far stay.
            process.destroy();
            try {
                watchdog.schedule(() -> {
                    if (process.isAlive()) {
                        run.killedAfterGrace = true;
                        kill(process);
                    }
                }, cancelGrace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                kill(process);
            }
        }
        return view(id);
    }

    /** "121 s", or "0.3 s" for the short limits tests use. */
    private static String seconds(Duration duration) {
        double seconds = duration.toMillis() / 1000.0;
        return seconds >= 10 ? Math.round(seconds) + " s" : String.format(Locale.ROOT, "%.1f s", seconds);
    }

    /** SIGKILL for the worker and anything it started; works on a stopped process too. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Runs on the watchdog thread; see {@link WorkerLiveness} for the rule. */
    private void killStalledWorkers() {
        try {
            long now = System.nanoTime();
            for (LiveRun run : working) {
                Process process = run.process;
                WorkerLiveness liveness = run.liveness;
                if (process == null || liveness == null || run.cancelRequested || run.stallReason != null
                        || !liveness.stalled(now)) {
                    continue;
                }
                run.stallReason = Text.of("run.reason.stalled", seconds(Duration.ofNanos(liveness.silenceNanos(now))));
                LOG.warn("run {}: {} (limit {})", run.record.id(), Messages.ENGLISH.format(run.stallReason),
                        seconds(Duration.ofNanos(liveness.limitNanos())));
                kill(process);
            }
        } catch (RuntimeException unexpected) {
            // A periodic task that throws is never run again: log and keep watching.
            LOG.error("the stall check failed", unexpected);
        }
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
            finish(id, run, RunStatus.FAILED, Text.of("run.reason.no_start", FailureMessages.of(e)));
            return;
        }
        run.process = process;
        run.liveness = new WorkerLiveness(stallFloor, System.nanoTime());
        run.record = run.record.started(null, clock.instant());
        working.add(run);
        publishStatus(id, run);
        new WorkerSupervisor().watch(id, process, (type, data) -> onWorkerMessage(id, run, type, data),
                (code, stderr) -> onWorkerExit(id, run, code, stderr));
    }

    private void onWorkerMessage(String id, LiveRun run, String type, JsonNode data) {
        WorkerLiveness liveness = run.liveness;
        if (liveness != null) {
            liveness.heard(type, System.nanoTime());
        }
        try {
            switch (type) {
                case WorkerProtocol.STARTED -> {
                    run.record = run.record.started(data.path("device").asText(null), run.record.startedAt());
                    publishStatus(id, run);
                }
                case WorkerProtocol.PROGRESS -> {
                    Progress progress = Json.mapper().treeToValue(data, Progress.class);
                    // A line without data reads as null: skipped like any other line that makes no sense.
                    if (progress != null) {
                        run.progress = progress;
                        hub.publish(id, EVENT_PROGRESS, Json.write(progress), Delivery.LIVE);
                        keepBatchLoss(id, run, progress);
                    }
                }
                case WorkerProtocol.EVALUATING -> {
                    Progress last = run.progress;
                    EvaluationProgress pass = new EvaluationProgress(data.path("phase").asText("testing"),
                            last == null ? 0 : last.epoch(), last == null ? run.record.config().epochs() : last.epochs(),
                            data.path("done").asInt(0), data.path("total").asInt(0));
                    hub.publish(id, EVENT_PROGRESS, Json.write(pass), Delivery.LIVE);
                }
                case WorkerProtocol.EPOCH -> {
                    EpochMetrics epoch = Json.mapper().treeToValue(data, EpochMetrics.class);
                    if (epoch != null) {
                        addEpoch(id, run, epoch);
                    }
                }
                case WorkerProtocol.ERROR -> run.workerError = data.path("message").asText(null);
                default -> {
                    // "alive" only shows life (counted above); "tested" and unknown types: the final
                    // record is read from disk at exit.
                }
            }
        } catch (IOException malformed) {
            // A line the server cannot read is skipped; the run files remain the record.
        }
    }

    /**
     * Stores a progress line's per-step loss in the run folder, at most
     * {@link RunFolder#MAX_BATCH_POINTS_PER_EPOCH} points an epoch, so a reloaded page draws the series again.
     */
    private void keepBatchLoss(String id, LiveRun run, Progress progress) {
        Double loss = progress.batchLoss();
        if (loss == null || !Double.isFinite(loss) || progress.batches() <= 0) {
            return;
        }
        long minGap = Math.max(1, (progress.batches() + RunFolder.MAX_BATCH_POINTS_PER_EPOCH - 1)
                / RunFolder.MAX_BATCH_POINTS_PER_EPOCH);
        long step = progress.step();
        if (run.lastBatchStep >= 0 && step - run.lastBatchStep < minGap) {
            return;
        }
        run.lastBatchStep = step;
        try {
            store.folder(id).appendBatchLoss(new BatchLoss(step, progress.epoch(), progress.batch(), loss));
        } catch (RuntimeException notWritten) {
            // The live chart has the point; only a reload misses it.
            LOG.debug("run {}: cannot store a batch loss: {}", id, FailureMessages.of(notWritten));
        }
    }

    /** Run {@code id}'s per-step loss series so far (empty for runs made before it was recorded). */
    public List<BatchLoss> batchLosses(String id) {
        find(id);
        try {
            return store.folder(id).readBatchLosses();
        } catch (RuntimeException unreadable) {
            LOG.warn("run {}: cannot read its batch losses: {}", id, FailureMessages.of(unreadable));
            return List.of();
        }
    }

    private void addEpoch(String id, LiveRun run, EpochMetrics epoch) {
        synchronized (run) {
            if (run.epochs().stream().anyMatch(e -> e.epoch() == epoch.epoch())) {
                return;
            }
            run.epochs().add(epoch);
            hub.publish(id, EVENT_EPOCH, Json.write(epoch), Delivery.RETAINED);
        }
    }

    /**
     * Records how a worker ended. Whatever fails in here (an unreadable or unwritable run folder, a
     * bug), the {@code finally} still gives the run a final status, publishes it, frees the slot and
     * starts the next queued run.
     */
    private void onWorkerExit(String id, LiveRun run, int exitCode, String stderrTail) {
        if (closed) {
            // The server is stopping and stopped this worker: the run stays running on disk, and the
            // next start marks it interrupted with its epochs kept, as after a crash.
            working.remove(run);
            return;
        }
        try {
            // The files are the truth: catch up on any epoch whose stdout line was lost.
            try {
                for (EpochMetrics epoch : store.readEpochs(id)) {
                    addEpoch(id, run, epoch);
                }
            } catch (RuntimeException unreadable) {
                LOG.warn("run {}: cannot read its epochs: {}", id, FailureMessages.of(unreadable));
            }
            RunRecord onDisk;
            try {
                onDisk = store.read(id).orElse(run.record);
            } catch (RuntimeException unreadable) {
                onDisk = run.record;
            }
            synchronized (this) {
                record(id, run, onDisk, exitCode, stderrTail);
            }
        } catch (RuntimeException unexpected) {
            LOG.error("run {}: recording how its worker ended failed", id, unexpected);
        } finally {
            synchronized (this) {
                if (!run.record.status().isFinal()) {
                    run.record = run.record.ended(RunStatus.FAILED, Text.of("run.reason.unrecorded", exitCode),
                            clock.instant());
                    publishStatus(id, run);
                }
                working.remove(run);
                run.process = null;
                running--;
                schedule();
            }
        }
    }

    private void record(String id, LiveRun run, RunRecord onDisk, int exitCode, String stderrTail) {
        if (onDisk.status() == RunStatus.COMPLETED) {
            // Finished before a cancel or a stall kill could land: the work is done and saved.
            run.record = onDisk;
            publishStatus(id, run);
        } else if (run.cancelRequested) {
            adoptWorkerFields(run, onDisk);
            int total = run.record.config().epochs();
            finish(id, run, RunStatus.CANCELLED, run.killedAfterGrace
                    ? Text.of("run.reason.cancelled_killed", run.epochs().size(), total, seconds(cancelGrace))
                    : Text.of("run.reason.cancelled", run.epochs().size(), total));
        } else if (run.stallReason != null) {
            adoptWorkerFields(run, onDisk);
            finish(id, run, RunStatus.FAILED, run.stallReason);
        } else if (onDisk.status() == RunStatus.FAILED) {
            // The worker recorded its own failure.
            run.record = onDisk;
            publishStatus(id, run);
        } else {
            adoptWorkerFields(run, onDisk);
            finish(id, run, RunStatus.FAILED, ExitReasons.describe(exitCode, run.workerError, stderrTail));
        }
    }

    /** What the worker wrote to run.json when it started (its device, its start time). */
    private static void adoptWorkerFields(LiveRun run, RunRecord onDisk) {
        if (onDisk.status() == RunStatus.RUNNING) {
            run.record = onDisk;
        }
    }

    /**
     * Ends a run with its own write of run.json. If the folder cannot be written, the run still ends,
     * in memory and on its stream, as failed with the write failure as the reason.
     */
    private void finish(String id, LiveRun run, RunStatus status, Text reason) {
        Instant now = clock.instant();
        RunRecord ended = run.record.ended(status, reason, now);
        try {
            store.write(ended);
        } catch (RuntimeException notWritten) {
            String failure = FailureMessages.of(notWritten);
            LOG.warn("run {}: cannot record that it {}: {}", id, status.wireName(), failure);
            Text why;
            if (status != RunStatus.FAILED) {
                why = Text.of("run.reason.unwritable", failure, reason);
            } else if (notWritten.getMessage() != null
                    && Messages.ENGLISH.format(reason).contains(notWritten.getMessage())) {
                // The worker died of the same thing ("cannot write .../run.json"); once is enough.
                why = reason;
            } else {
                why = Text.of("run.reason.also_unwritable", reason, failure);
            }
            ended = run.record.ended(RunStatus.FAILED, why, now);
        }
        run.record = ended;
        publishStatus(id, run);
    }

    private static Map<String, String> reasonByLang(RunRecord record) {
        Map<String, String> byLang = new LinkedHashMap<>();
        for (Lang lang : Lang.values()) {
            byLang.put(lang.code(), record.reason(Messages.of(lang)));
        }
        return byLang;
    }

    private void publishStatus(String id, LiveRun run) {
        hub.publish(id, EVENT_STATUS, statusData(id, run).get(), statusDelivery(run));
    }

    /** The run's status event as it is now; its JSON is written when the supplier is called. */
    private Supplier<String> statusData(String id, LiveRun run) {
        RunRecord record = run.record;
        Integer queuePosition = queuePosition(id);
        int epochs = run.epochs().size();
        return () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("status", record.status());
            data.put("device", record.device());
            data.put("reason", record.reason());
            // The pages' scripts show the reason in their reader's language: the stream is one for all.
            data.put("reasonByLang", record.reasonText() == null ? null : reasonByLang(record));
            data.put("test", record.test());
            data.put("trainSeconds", record.trainSeconds());
            data.put("queuePosition", queuePosition);
            data.put("epochs", epochs);
            return Json.write(data);
        };
    }

    private static Delivery statusDelivery(LiveRun run) {
        return run.record.status().isFinal() ? Delivery.FINAL : Delivery.RETAINED;
    }

    /**
     * Stops every worker (they would stop anyway once this process's pipes close): SIGTERM, then
     * SIGKILL for any still there after the cancel grace, such as a stopped one, which would
     * otherwise outlive the server.
     */
    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow();
        List<Process> processes = new ArrayList<>();
        for (LiveRun run : runs.values()) {
            Process process = run.process;
            if (process != null) {
                processes.add(process);
                try {
                    OutputStream stdin = process.getOutputStream();
                    stdin.close();
                } catch (IOException ignored) {
                    // Closing stdin is the polite stop; destroy below is the firm one.
                }
                process.destroy();
            }
        }
        long deadline = System.nanoTime() + cancelGrace.toNanos();
        for (Process process : processes) {
            try {
                if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    kill(process);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill(process);
            }
        }
        // Let the supervisors see the exits, so nothing touches the run folders after this returns.
        long drained = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!working.isEmpty() && System.nanoTime() < drained) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
