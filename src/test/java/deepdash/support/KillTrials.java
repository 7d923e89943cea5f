package deepdash.support;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.json.Json;
import deepdash.model.CnnSpec;
import deepdash.protocol.RunFolder;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Crash trials against a server in its own JVM ({@link ServerProcess}) training real runs: SIGKILL
 * the server or the run's worker at a random moment, or while the worker is saving the model;
 * restart the server where needed; then check what a user relies on. Every epoch reported before
 * the kill is still there, and the epochs on disk are 1..n with none torn; no run is left queued or
 * running; a worker whose server died stopped by itself; every saved model loads and predicts.
 */
public final class KillTrials implements AutoCloseable {

    /** What gets killed. */
    public enum Target { SERVER, WORKER }

    /** When: after a random delay, or the moment a model save is seen in progress. */
    public enum Moment { RANDOM, DURING_SAVE }

    /** A short run, so kills land in start-up, training, saving, testing and after the end alike. */
    public static final int EPOCHS = 5;
    static final String RUN = "{\"model\":\"cnn\",\"epochs\":" + EPOCHS + ",\"trainLimit\":1000,\"batchSize\":32}";
    static final long WORKER_EXIT_SECONDS = 10;
    static final long FINAL_STATUS_SECONDS = 60;

    /**
     * One trial's facts and whatever went wrong ({@code problems} is empty when all held).
     *
     * @param killAfterMillis from finding the worker to the kill
     * @param epochsReported epochs the server had reported just before the kill
     * @param epochsAfter the epoch numbers the (restarted) server shows
     * @param leftoverSave a temp folder of an interrupted save was left in {@code model/}
     * @param workerExitMillis how long the worker outlived its killed server; null if it did not stop
     * @param modelLoaded a saved model loaded and predicted; null when none was saved
     */
    public record Trial(int number, Target target, Moment moment, String runId, long killAfterMillis,
            int epochsReported, List<Integer> epochsAfter, String status, String reason, boolean leftoverSave,
            Long workerExitMillis, Boolean modelLoaded, List<String> problems) {

        public String phase() {
            int n = epochsAfter.size();
            if ("completed".equals(status)) {
                return "after the end";
            }
            String at = n == 0 ? "before epoch 1" : n == EPOCHS ? "testing" : "after epoch " + n;
            return leftoverSave ? at + ", mid-save" : at;
        }

        public String row() {
            return String.format(Locale.ROOT, "%3d %-6s %-11s %6d ms  %-24s %-11s reported %d -> on disk %d  %s  %s%s",
                    number, target, moment, killAfterMillis, phase(), status, epochsReported, epochsAfter.size(),
                    workerExitMillis == null ? (target == Target.SERVER ? "worker DID NOT STOP" : "")
                            : "worker stopped " + workerExitMillis + " ms after the server",
                    modelLoaded == null ? "no model" : modelLoaded ? "model loads" : "MODEL BROKEN",
                    problems.isEmpty() ? "" : "  PROBLEMS: " + problems);
        }
    }

    private record Kill(long afterMillis, int epochsReported) {
    }

    private final Path dataDir;
    private final Path log;
    private final int port;
    private final Random random;
    private final long maxDelayMillis;
    private ServerProcess server;

    /**
     * @param maxDelayMillis a RANDOM kill comes up to this long after the epoch it waits for (an
     *     epoch of a trial run takes about half a second on 2 cores, the test after the last one
     *     about 2.5 s, so some kills land after the end)
     */
    public KillTrials(Path dataDir, long seed, long maxDelayMillis) throws IOException, InterruptedException {
        this.dataDir = dataDir;
        this.log = dataDir.resolve("server.log");
        this.port = ServerProcess.freePort();
        this.random = new Random(seed);
        this.maxDelayMillis = maxDelayMillis;
        Files.createDirectories(dataDir);
        this.server = ServerProcess.start(dataDir, port, log);
    }

    /** SIGKILLs the server during a run, checks the worker stops, restarts the server and checks the run. */
    public Trial killServer(int number, Moment moment) throws Exception {
        String id = createRun();
        ProcessHandle worker = awaitWorker(id);
        Kill kill = killMoment(id, worker, moment);
        server.kill();
        long killed = System.nanoTime();
        Long workerExitMillis = null;
        while (isRunning(worker) && System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(WORKER_EXIT_SECONDS)) {
            Thread.sleep(10);
        }
        if (isRunning(worker)) {
            worker.destroyForcibly();
        } else {
            workerExitMillis = (System.nanoTime() - killed) / 1_000_000;
        }
        server = ServerProcess.start(dataDir, port, log);
        return check(number, Target.SERVER, moment, id, kill, workerExitMillis);
    }

    /** SIGKILLs the worker during a run and checks what the (living) server recorded. */
    public Trial killWorker(int number, Moment moment) throws Exception {
        String id = createRun();
        ProcessHandle worker = awaitWorker(id);
        Kill kill = killMoment(id, worker, moment);
        worker.destroyForcibly();
        worker.onExit().get(WORKER_EXIT_SECONDS, TimeUnit.SECONDS);
        awaitFinal(id);
        return check(number, Target.WORKER, moment, id, kill, null);
    }

    /**
     * Restarts the server (SIGKILL, then start) and checks every earlier trial again: its run is
     * still listed with the same status and epochs, and its model still loads.
     */
    public List<String> restartAndRecheck(List<Trial> trials) throws Exception {
        server.kill();
        server = ServerProcess.start(dataDir, port, log);
        List<String> problems = new ArrayList<>();
        int active = activeRuns();
        if (active != 0) {
            problems.add(active + " runs left queued or running after the restart");
        }
        for (Trial trial : trials) {
            JsonNode run = run(trial.runId()).orElse(null);
            if (run == null) {
                problems.add("trial " + trial.number() + ": run " + trial.runId() + " is gone after the restart");
                continue;
            }
            List<Integer> epochs = epochNumbers(run);
            if (!epochs.equals(trial.epochsAfter()) || !run.path("status").asText().equals(trial.status())) {
                problems.add("trial " + trial.number() + ": after the restart " + run.path("status").asText() + " "
                        + epochs + ", before " + trial.status() + " " + trial.epochsAfter());
            }
            RunFolder folder = new RunFolder(runDir(trial.runId()));
            Path modelDir = folder.modelDir();
            if (folder.hasParameters(CnnSpec.NAME)) {
                try {
                    ModelCheck.predictBlankDigit(modelDir);
                } catch (RuntimeException e) {
                    problems.add("trial " + trial.number() + ": the model no longer loads: " + e.getMessage());
                }
            }
        }
        return problems;
    }

    private Trial check(int number, Target target, Moment moment, String id, Kill kill, Long workerExitMillis)
            throws Exception {
        List<String> problems = new ArrayList<>();
        JsonNode run = run(id).orElse(null);
        if (run == null) {
            problems.add("the run is not listed any more");
            return new Trial(number, target, moment, id, kill.afterMillis(), kill.epochsReported(), List.of(), "gone",
                    null, false, workerExitMillis, null, problems);
        }
        String status = run.path("status").asText();
        String reason = run.path("reason").asText(null);
        List<Integer> epochs = epochNumbers(run);

        int active = activeRuns();
        if (active != 0) {
            problems.add(active + " runs left queued or running");
        }
        if (target == Target.SERVER) {
            if (!status.equals("completed") && !(status.equals("interrupted") && reason != null
                    && reason.contains("the server stopped"))) {
                problems.add("after a server crash the run is " + status + " (" + reason + ")");
            }
            if (workerExitMillis == null) {
                problems.add("the worker kept running " + WORKER_EXIT_SECONDS + " s after its server died");
            }
        } else if (!status.equals("completed") && !(status.equals("failed") && reason != null
                && reason.contains("signal 9"))) {
            problems.add("after its worker was killed the run is " + status + " (" + reason + ")");
        }
        for (int i = 0; i < epochs.size(); i++) {
            if (epochs.get(i) != i + 1) {
                problems.add("epochs are not 1.." + epochs.size() + ": " + epochs);
                break;
            }
        }
        if (epochs.size() < kill.epochsReported()) {
            problems.add("lost epochs: " + kill.epochsReported() + " reported before the kill, " + epochs.size()
                    + " after");
        }
        if (status.equals("completed") && epochs.size() != EPOCHS) {
            problems.add("completed with " + epochs.size() + " of " + EPOCHS + " epochs");
        }
        int onDisk = new RunFolder(runDir(id)).readEpochs().size();
        if (onDisk != epochs.size()) {
            problems.add(onDisk + " epochs in metrics.jsonl, " + epochs.size() + " shown");
        }
        Path modelDir = new RunFolder(runDir(id)).modelDir();
        Boolean modelLoaded = null;
        if (new RunFolder(runDir(id)).hasParameters(CnnSpec.NAME)) {
            try {
                ModelCheck.predictBlankDigit(modelDir);
                modelLoaded = true;
            } catch (RuntimeException e) {
                modelLoaded = false;
                problems.add("the saved model does not load: " + e.getMessage());
            }
        } else if (!epochs.isEmpty()) {
            problems.add(epochs.size() + " epochs completed but no model saved");
        }
        return new Trial(number, target, moment, id, kill.afterMillis(), kill.epochsReported(), epochs, status, reason,
                leftoverSave(modelDir), workerExitMillis, modelLoaded, problems);
    }

    /**
     * Waits for the moment, then returns how many epochs the server had reported by then. Moments
     * are spread over the whole run: first wait for a random number of epochs (0 to all), then
     * either a random extra delay (RANDOM) or the next save seen in progress (DURING_SAVE).
     */
    private Kill killMoment(String id, ProcessHandle worker, Moment moment) throws Exception {
        long start = System.nanoTime();
        int afterEpochs = random.nextInt(moment == Moment.DURING_SAVE ? EPOCHS : EPOCHS + 1);
        long deadline = start + TimeUnit.SECONDS.toNanos(FINAL_STATUS_SECONDS);
        int reported = reportedEpochs(id);
        while (reported < afterEpochs && worker.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            reported = reportedEpochs(id);
        }
        if (moment == Moment.DURING_SAVE) {
            awaitSave(runDir(id), worker, deadline);
            return new Kill((System.nanoTime() - start) / 1_000_000, reported);
        }
        Thread.sleep((long) (random.nextDouble() * maxDelayMillis));
        return new Kill((System.nanoTime() - start) / 1_000_000, reportedEpochs(id));
    }

    private String createRun() throws Exception {
        HttpResponse<String> response = server.postJson("/api/runs", RUN);
        if (response.statusCode() != 202) {
            throw new IllegalStateException("could not create a run: " + response.statusCode() + " " + response.body());
        }
        return Json.mapper().readTree(response.body()).get("id").asText();
    }

    /** The worker process of a run, found by the run id in its (short) command line. */
    public static ProcessHandle awaitWorker(String runId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> worker;
            try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
                worker = all.filter(p -> p.info().commandLine()
                        .map(line -> line.contains(runId) && line.contains(" train ")).orElse(false)).findFirst();
            }
            if (worker.isPresent()) {
                return worker.get();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no worker process for run " + runId);
    }

    /**
     * Whether a process still runs. Unlike {@link ProcessHandle#isAlive()} a zombie counts as gone:
     * an orphaned worker that exited waits as a zombie until init reaps it, which here takes about
     * two seconds and says nothing about how fast the worker stopped.
     */
    static boolean isRunning(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException gone) {
            return process.isAlive();
        }
    }

    private void awaitFinal(String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FINAL_STATUS_SECONDS);
        while (System.nanoTime() < deadline) {
            String status = run(id).map(r -> r.path("status").asText()).orElse("gone");
            if (!status.equals("running") && !status.equals("queued")) {
                return;
            }
            Thread.sleep(50);
        }
    }

    private int reportedEpochs(String id) throws Exception {
        return run(id).map(r -> r.path("epochs").size()).orElse(0);
    }

    private Optional<JsonNode> run(String id) throws Exception {
        HttpResponse<String> response = server.get("/api/runs/" + id);
        return response.statusCode() == 200 ? Optional.of(Json.mapper().readTree(response.body())) : Optional.empty();
    }

    private int activeRuns() throws Exception {
        HttpResponse<String> response = server.get("/api/runs?status=queued,running&limit=0");
        return Integer.parseInt(response.headers().firstValue("X-Total-Count").orElse("-1"));
    }

    private static List<Integer> epochNumbers(JsonNode run) {
        List<Integer> numbers = new ArrayList<>();
        run.path("epochs").forEach(e -> numbers.add(e.path("epoch").asInt()));
        return numbers;
    }

    private Path runDir(String id) {
        return dataDir.resolve("runs").resolve(id);
    }

    /**
     * Waits until a model save is in progress, through inotify rather than polling: a thread that
     * wakes every few hundred microseconds slows MXNet's OpenMP threads on 2 cores tenfold.
     */
    private static void awaitSave(Path runDir, ProcessHandle worker, long deadline) throws Exception {
        Path modelDir = new RunFolder(runDir).modelDir();
        try (WatchService watch = runDir.getFileSystem().newWatchService()) {
            runDir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            boolean watchingModel = false;
            while (worker.isAlive() && System.nanoTime() < deadline) {
                if (!watchingModel && Files.isDirectory(modelDir)) {
                    modelDir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
                    watchingModel = true;
                    // The first save may have begun before the folder was watched.
                    if (leftoverSave(modelDir)) {
                        return;
                    }
                }
                WatchKey key = watch.poll(100, TimeUnit.MILLISECONDS);
                if (key == null) {
                    continue;
                }
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (key.watchable().equals(modelDir) && event.context() != null
                            && event.context().toString().startsWith(".saving-")) {
                        return;
                    }
                }
                key.reset();
            }
        }
    }

    /** DJL writes into {@code model/.saving-*} before the finished file is moved into place. */
    private static boolean leftoverSave(Path modelDir) {
        try (Stream<Path> children = Files.list(modelDir)) {
            return children.anyMatch(p -> p.getFileName().toString().startsWith(".saving-"));
        } catch (IOException notThereYet) {
            return false;
        }
    }

    public String serverLogTail() {
        return server.logTail();
    }

    /** A summary for the benchmark's report. */
    public static String summary(List<Trial> trials) {
        long clean = trials.stream().filter(t -> t.problems().isEmpty()).count();
        long models = trials.stream().filter(t -> t.modelLoaded() != null).count();
        long loaded = trials.stream().filter(t -> Boolean.TRUE.equals(t.modelLoaded())).count();
        long epochsKept = trials.stream().filter(t -> t.epochsAfter().size() >= t.epochsReported()).count();
        long midSave = trials.stream().filter(Trial::leftoverSave).count();
        List<Long> exits = trials.stream().map(Trial::workerExitMillis).filter(Objects::nonNull).sorted()
                .toList();
        long serverTrials = trials.stream().filter(t -> t.target() == Target.SERVER).count();
        return String.format(Locale.ROOT, "%d trials, %d without problems; reported epochs all present: %d/%d; "
                + "saved models that load and predict: %d/%d; killed mid-save: %d; workers that stopped by "
                + "themselves after a server kill: %d/%d%s", trials.size(), clean, epochsKept, trials.size(), loaded,
                models, midSave, exits.size(), serverTrials, exits.isEmpty() ? ""
                        : " (median " + exits.get(exits.size() / 2) + " ms, max " + exits.get(exits.size() - 1) + " ms)");
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
