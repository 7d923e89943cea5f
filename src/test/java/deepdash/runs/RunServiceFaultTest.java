package deepdash.runs;

import deepdash.model.CnnSpec;
import deepdash.protocol.RunConfig;
import deepdash.protocol.RunStatus;
import deepdash.protocol.WorkerProtocol;
import static org.assertj.core.api.Assertions.assertThat;

import deepdash.events.EventHub;
import deepdash.events.StreamEvent;
import deepdash.events.Subscription;
import deepdash.i18n.Messages;
import deepdash.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a worker can end, with small shell scripts standing in for the worker so each case
 * takes well under a second: silent, stopped, deaf to SIGTERM, failing with and without an error
 * line, breaking its run folder, sending lines the server cannot use. In each the run gets a final
 * status on its stream, the slot is freed and the next queued run starts. {@code WorkerFaultTest}
 * does the same with real training workers.
 */
@Timeout(60)
class RunServiceFaultTest {

    static final String ALIVE = "echo '@deepdash {\"type\":\"alive\",\"data\":{\"phase\":\"starting\"}}'";
    static final String PROGRESS = "echo '@deepdash {\"type\":\"progress\",\"data\":{\"epoch\":1,\"epochs\":2,"
            + "\"batch\":1,\"batches\":10,\"loss\":2.3,\"etaSeconds\":5}}'";
    /** Waits for stdin to close (as a queued-then-started worker that never reports would). */
    static final String IDLE = "exec cat";

    @TempDir
    Path temp;
    RunStore store;
    EventHub hub = new EventHub();
    RunService service;
    final List<Process> launched = new CopyOnWriteArrayList<>();
    final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    Thread.UncaughtExceptionHandler previousHandler;

    @BeforeEach
    void catchUncaughtExceptions() {
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
    }

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
        launched.forEach(Process::destroyForcibly);
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
        assertThat(uncaught).as("uncaught exceptions in server threads").isEmpty();
    }

    /** One worker script per run, in order; {@code $1} is the run folder. */
    RunService start(Duration grace, Duration floor, String... scripts) {
        store = new RunStore(temp.resolve("runs"));
        List<String> queue = new CopyOnWriteArrayList<>(List.of(scripts));
        WorkerLauncher launcher = runDir -> {
            String script = queue.isEmpty() ? IDLE : queue.remove(0);
            Process process = new ProcessBuilder("sh", "-c", script, "worker", runDir.toString()).start();
            launched.add(process);
            return process;
        };
        service = new RunService(store, hub, launcher, 1, Clock.systemUTC(),
                Map.of(CnnSpec.NAME, new ModelRunChecker(new CnnSpec(), null, () -> 0)), grace, floor);
        service.recover();
        return service;
    }

    String createRun() {
        return service.create(RunConfig.of(CnnSpec.NAME, Map.of("epochs", 2, "trainLimit", 100, "device", "cpu")))
                .id();
    }

    RunView awaitStatus(String id, RunStatus... statuses) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            RunView view = service.view(id);
            if (List.of(statuses).contains(view.status())) {
                return view;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("run " + id + " is still " + service.view(id).status());
    }

    /** The run's stream, replayed from the start: it must end with a final status event. */
    String finalStatusOnStream(String id) throws Exception {
        Subscription subscription = hub.subscribe(id, 0);
        StreamEvent event;
        StreamEvent last = null;
        while ((event = subscription.next(0)) != null) {
            last = event;
        }
        assertThat(last).isNotNull();
        assertThat(last.name()).isEqualTo(RunService.EVENT_STATUS);
        assertThat(last.terminal()).as("the stream ends with it").isTrue();
        return Json.mapper().readTree(last.data()).get("status").asText();
    }

    /** The next run in the queue got a worker: the slot was freed. */
    void assertNextRunStarts(String next) throws Exception {
        assertThat(awaitStatus(next, RunStatus.RUNNING).status()).isEqualTo(RunStatus.RUNNING);
    }

    static void signal(Process process, String signal) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor())
                .isZero();
        if ("STOP".equals(signal)) {
            // kill returns once the signal is sent; wait until the kernel shows the process stopped,
            // so that a cancel right after meets a stopped worker, not one about to stop.
            Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (Files.exists(stat) && !stoppedState(Files.readString(stat)) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
    }

    /** The state letter of /proc/PID/stat, after the command name in parentheses: T means stopped. */
    private static boolean stoppedState(String stat) {
        String afterName = stat.substring(stat.lastIndexOf(')') + 1).trim();
        return afterName.startsWith("T") || afterName.startsWith("t");
    }

    @Test
    void aSilentWorkerIsKilledAndItsRunFailsSayingSo() throws Exception {
        start(Duration.ofSeconds(5), Duration.ofMillis(300), ALIVE + "; " + PROGRESS + "; exec sleep 30");
        String silent = createRun();
        String next = createRun();

        RunView failed = awaitStatus(silent, RunStatus.FAILED);

        assertThat(failed.reason()).startsWith("the training worker stopped responding (no progress for ")
                .endsWith(" s) and was killed");
        assertThat(finalStatusOnStream(silent)).isEqualTo("failed");
        assertThat(store.read(silent).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
        assertNextRunStarts(next);
    }

    @Test
    void aWorkerThatKeepsTalkingIsNotKilledHoweverLongItTakes() throws Exception {
        // 2.5 s of lines 100 ms apart with a 1 s floor: long, but never silent for long.
        start(Duration.ofSeconds(5), Duration.ofSeconds(1),
                ALIVE + "; " + PROGRESS + "; for i in $(seq 25); do sleep 0.1; " + PROGRESS + "; done; exit 0");
        String id = createRun();

        RunView ended = awaitStatus(id, RunStatus.FAILED);

        assertThat(ended.reason()).isEqualTo("the training worker exited with code 0");
    }

    @Test
    void aStoppedWorkerIsKilledAfterTheGraceAndItsRunIsCancelled() throws Exception {
        start(Duration.ofMillis(500), Duration.ofSeconds(60), ALIVE + "; exec sleep 30");
        String stopped = createRun();
        String next = createRun();
        awaitStatus(stopped, RunStatus.RUNNING);
        Process worker = launched.get(0);
        signal(worker, "STOP");

        long cancelled = System.nanoTime();
        service.cancel(stopped);
        RunView view = awaitStatus(stopped, RunStatus.CANCELLED);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelled);

        assertThat(millis).as("not before the grace").isGreaterThanOrEqualTo(500);
        assertThat(view.reason()).isEqualTo("cancelled after 0 of 2 epochs; the worker did not stop within 0.5 s "
                + "of SIGTERM and was killed");
        assertThat(worker.isAlive()).isFalse();
        assertThat(finalStatusOnStream(stopped)).isEqualTo("cancelled");
        assertNextRunStarts(next);
    }

    @Test
    void aWorkerThatIgnoresSigtermIsKilledAfterTheGraceAndAPoliteOneIsNot() throws Exception {
        start(Duration.ofMillis(300), Duration.ofSeconds(60),
                "trap '' TERM; " + ALIVE + "; while :; do sleep 0.05; done", ALIVE + "; exec sleep 30");
        String deaf = createRun();
        String polite = createRun();
        awaitStatus(deaf, RunStatus.RUNNING);
        Thread.sleep(200);

        service.cancel(deaf);
        assertThat(awaitStatus(deaf, RunStatus.CANCELLED).reason()).contains("did not stop within 0.3 s");
        awaitStatus(polite, RunStatus.RUNNING);
        Thread.sleep(200);
        service.cancel(polite);
        RunView cancelled = awaitStatus(polite, RunStatus.CANCELLED);
        assertThat(cancelled.reason()).isEqualTo("cancelled after 0 of 2 epochs");
        assertThat(cancelled.reason(Messages.KOREAN)).as("the pages word it in their language")
                .isEqualTo("에포크 2개 중 0개를 마친 뒤 취소했습니다");
        assertThat(store.read(polite).orElseThrow().reason(Messages.KOREAN)).as("and so after reading run.json back")
                .isEqualTo("에포크 2개 중 0개를 마친 뒤 취소했습니다");
    }

    @Test
    void theWorkersErrorLineIsTheReason() throws Exception {
        start(Duration.ofSeconds(5), Duration.ofSeconds(60),
                "echo '@deepdash {\"type\":\"error\",\"data\":{\"message\":\"IllegalStateException: boom\"}}'; "
                        + "echo '[01:08:13] ../src/engine/engine.cc:55: MXNet start using engine: NaiveEngine' >&2; "
                        + "echo '\t... 11 more' >&2; exit 1");
        String id = createRun();

        assertThat(awaitStatus(id, RunStatus.FAILED).reason()).isEqualTo("IllegalStateException: boom");
    }

    @Test
    void withoutAnErrorLineTheRootCauseOnStderrIsTheReasonNotTheNoiseAfterIt() throws Exception {
        start(Duration.ofSeconds(5), Duration.ofSeconds(60),
                "echo 'java.io.UncheckedIOException: cannot write run.json' >&2; "
                        + "for i in $(seq 30); do echo '\tat deepdash.Some.frame(Some.java:1)' >&2; done; "
                        + "echo 'Caused by: java.nio.file.AccessDeniedException: /r/run.json' >&2; "
                        + "echo '\t... 11 more' >&2; exit 1");
        String id = createRun();

        assertThat(awaitStatus(id, RunStatus.FAILED).reason()).isEqualTo(
                "the training worker exited with code 1: java.nio.file.AccessDeniedException: /r/run.json");
    }

    @Test
    void aWorkerKilledBySignalNamesTheSignal() throws Exception {
        start(Duration.ofSeconds(5), Duration.ofSeconds(60), ALIVE + "; kill -9 $$");
        String id = createRun();

        assertThat(awaitStatus(id, RunStatus.FAILED).reason())
                .startsWith("the training worker was killed by signal 9 (SIGKILL)");
    }

    @Test
    void aRunFolderThatCannotBeWrittenStillEndsTheRunEverywhereButOnDisk() throws Exception {
        // The worker puts a folder where run.json goes (as root, chmod would not stop anyone), so
        // neither it nor the server can write the record.
        start(Duration.ofSeconds(5), Duration.ofSeconds(60),
                ALIVE + "; rm -f \"$1/run.json\" && mkdir \"$1/run.json\" && "
                        + "echo '@deepdash {\"type\":\"error\",\"data\":{\"message\":\"cannot write run.json\"}}'; "
                        + "exit 1");
        String broken = createRun();
        String next = createRun();

        RunView failed = awaitStatus(broken, RunStatus.FAILED);

        assertThat(failed.reason()).startsWith("cannot write run.json; and the run folder cannot be written: cannot "
                + "write " + store.folder(broken).path().resolve("run.json"));
        assertThat(Files.isDirectory(store.folder(broken).path().resolve("run.json"))).isTrue();
        assertThat(finalStatusOnStream(broken)).isEqualTo("failed");
        assertNextRunStarts(next);
    }

    @Test
    void aCancelThatCannotBeRecordedEndsTheRunFailedWithTheWriteFailure() throws Exception {
        start(Duration.ofSeconds(5), Duration.ofSeconds(60),
                ALIVE + "; rm -f \"$1/run.json\" && mkdir \"$1/run.json\"; exec sleep 30");
        String id = createRun();
        awaitStatus(id, RunStatus.RUNNING);
        Path record = store.folder(id).path().resolve("run.json");
        while (!Files.isDirectory(record)) {
            Thread.sleep(20);
        }

        service.cancel(id);

        RunView failed = awaitStatus(id, RunStatus.FAILED);
        assertThat(failed.reason()).startsWith("the run folder cannot be written: cannot write " + record)
                .endsWith("(cancelled after 0 of 2 epochs)");
        assertThat(finalStatusOnStream(id)).isEqualTo("failed");
    }

    @Test
    void linesTheServerCannotUseAreSkippedAndTheExitIsStillRecorded() throws Exception {
        // An epoch line without data, a progress line of the wrong shape, a line that is not JSON.
        start(Duration.ofSeconds(5), Duration.ofSeconds(60),
                ALIVE + "; echo '@deepdash {\"type\":\"epoch\"}'; echo '@deepdash {\"type\":\"progress\","
                        + "\"data\":{\"epoch\":\"one\"}}'; echo '@deepdash {not json'; exit 0");
        String id = createRun();
        String next = createRun();

        assertThat(awaitStatus(id, RunStatus.FAILED).reason()).isEqualTo("the training worker exited with code 0");
        assertThat(finalStatusOnStream(id)).isEqualTo("failed");
        assertNextRunStarts(next);
    }

    @Test
    void aWorkerThatCannotBeLaunchedFailsItsRunAndTheQueueMovesOn() throws Exception {
        store = new RunStore(temp.resolve("runs"));
        List<Boolean> fail = new CopyOnWriteArrayList<>(List.of(true));
        service = new RunService(store, hub, runDir -> {
            if (!fail.isEmpty() && fail.remove(0)) {
                throw new IOException("Cannot run program \"java\": error=2, No such file or directory");
            }
            Process process = new ProcessBuilder("sh", "-c", IDLE).start();
            launched.add(process);
            return process;
        }, 1, Clock.systemUTC(), Map.of(CnnSpec.NAME, new ModelRunChecker(new CnnSpec(), null, () -> 0)), Duration.ofSeconds(5),
                Duration.ofSeconds(60));
        String first = createRun();
        String next = createRun();

        assertThat(awaitStatus(first, RunStatus.FAILED).reason()).isEqualTo("the training worker could not start: "
                + "IOException: Cannot run program \"java\": error=2, No such file or directory");
        assertNextRunStarts(next);
    }
}
