package deepdash.runs;

import deepdash.protocol.RunConfig;
import deepdash.protocol.RunFolder;
import deepdash.protocol.RunStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.AppConfig;
import deepdash.json.Json;
import deepdash.support.KillTrials;
import deepdash.support.SseStream;
import deepdash.support.SseStream.Event;
import deepdash.support.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real training workers that stop talking or cannot write their run folder, with one worker slot:
 * each run ends with a final status on its stream and the queued run behind it starts. SIGKILL of
 * a worker during a model save is {@code CrashRecoveryTest}'s (through {@code KillTrials}); the
 * same faults with stand-in workers, and the reasons in detail, are {@code RunServiceFaultTest}'s.
 */
@Timeout(180)
class WorkerFaultTest {

    static final Duration GRACE = Duration.ofSeconds(2);
    /** Short, so a stall is found in seconds; a starting worker sends a line every second. */
    static final Duration STALL_FLOOR = Duration.ofSeconds(4);
    /** Epochs of a second or two, and more of them than any test waits for. */
    static final String LONG_RUN = "{\"model\":\"cnn\",\"epochs\":20,\"trainLimit\":1000}";
    /** Done in seconds once started: a CNN run always tests on 10,000 images (about 20 s here). */
    static final String SHORT_RUN = "{\"model\":\"lstm\",\"dataset\":\"sample-synthetic\",\"from\":\"2023-01-01\","
            + "\"splitDate\":\"2023-11-01\",\"epochs\":1}";

    @TempDir
    Path dataDir;
    TestServer server;
    final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    Thread.UncaughtExceptionHandler previousHandler;

    @BeforeEach
    void start() {
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        server = TestServer.start(AppConfig.forTests(dataDir).withWorkerTimeouts(GRACE, STALL_FLOOR));
    }

    @AfterEach
    void stop() {
        server.close();
        phase("server stopped");
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
        assertThat(uncaught).as("uncaught exceptions in server threads").isEmpty();
    }

    long startNanos = System.nanoTime();

    /** Where the time goes, in the test's output: worker start-up dominates on a busy machine. */
    void phase(String what) {
        System.out.printf("%6.1f s  %s%n", (System.nanoTime() - startNanos) / 1e9, what);
    }

    String createRun(String json) throws IOException {
        var response = server.postJson("/api/runs", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Json.mapper().readTree(response.body()).get("id").asText();
    }

    static JsonNode data(Event event) throws IOException {
        return Json.mapper().readTree(event.data());
    }

    static void signal(ProcessHandle process, String signal) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor())
                .isZero();
    }

    /** Reads a run's stream to its end: the last event must be a final status. */
    static JsonNode finalStatus(SseStream stream, List<Event> seen) throws IOException {
        Event last = stream.until(RunApiTest::isFinalStatus, seen);
        assertThat(last).as("a final status on the stream").isNotNull();
        assertThat(stream.next()).as("the stream ends after the final status").isNull();
        return data(last);
    }

    /** The queued run got the freed slot: it starts training. */
    void assertStartsTraining(String id) throws Exception {
        try (SseStream stream = server.events(id, null)) {
            assertThat(stream.until(e -> e.name().equals("progress"), new ArrayList<>())).isNotNull();
        }
        phase("queued run training");
    }

    @Test
    void aStoppedWorkerIsCancelledAfterTheGraceKeepsItsEpochsAndTheQueuedRunCompletes() throws Exception {
        String stopped = createRun(LONG_RUN);
        String next = createRun(SHORT_RUN);
        List<Event> events = new ArrayList<>();
        try (SseStream stream = server.events(stopped, null)) {
            assertThat(stream.until(e -> e.name().equals("epoch"), events)).isNotNull();
            phase("epoch 1 done");
            ProcessHandle worker = KillTrials.awaitWorker(stopped);
            signal(worker, "STOP");

            long cancelledAt = System.nanoTime();
            assertThat(server.postJson("/api/runs/" + stopped + "/cancel", "").statusCode()).isEqualTo(200);
            JsonNode status = finalStatus(stream, events);
            System.out.printf("cancel of a stopped worker took %d ms (grace %d ms)%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt), GRACE.toMillis());

            assertThat(status.get("status").asText()).isEqualTo("cancelled");
            assertThat(status.get("reason").asText()).matches("cancelled after [1-9]\\d* of 20 epochs; the worker did "
                    + "not stop within 2\\.0 s of SIGTERM and was killed");
            worker.onExit().get(10, TimeUnit.SECONDS);
        }
        JsonNode run = TestServer.json(server.get("/api/runs/" + stopped));
        assertThat(run.get("status").asText()).isEqualTo("cancelled");
        assertThat(run.get("epochs").size()).isGreaterThanOrEqualTo(1);
        assertThat(new RunFolder(dataDir.resolve("runs").resolve(stopped)).readRecord().status())
                .isEqualTo(RunStatus.CANCELLED);

        phase("cancelled");
        try (SseStream stream = server.events(next, null)) {
            assertThat(finalStatus(stream, new ArrayList<>()).get("status").asText()).isEqualTo("completed");
        }
        phase("queued run completed");
    }

    @Test
    void aStoppedWorkerThatNobodyCancelsIsKilledAsStuckAndTheQueueMovesOn() throws Exception {
        String stopped = createRun(LONG_RUN);
        String next = createRun(LONG_RUN);
        List<Event> events = new ArrayList<>();
        try (SseStream stream = server.events(stopped, null)) {
            assertThat(stream.until(e -> e.name().equals("progress"), events)).as(events.toString()).isNotNull();
            signal(KillTrials.awaitWorker(stopped), "STOP");
            phase("worker stopped");

            JsonNode status = finalStatus(stream, events);
            phase("run failed");

            assertThat(status.get("status").asText()).isEqualTo("failed");
            assertThat(status.get("reason").asText())
                    .startsWith("the training worker stopped responding (no progress for ");
        }
        assertThat(new RunFolder(dataDir.resolve("runs").resolve(stopped)).readRecord().status())
                .isEqualTo(RunStatus.FAILED);
        assertStartsTraining(next);
        assertThat(server.postJson("/api/runs/" + next + "/cancel", "").statusCode()).isEqualTo(200);
    }

    /**
     * As root, chmod stops nobody, so the folder is broken by putting things where others belong:
     * a file where the model folder goes (the worker's next save fails) and a folder where run.json
     * goes (neither the worker nor the server can record the failure; only the server's memory and
     * the stream can).
     */
    @Test
    void aRunFolderThatCannotBeWrittenEndsTheRunOnItsStreamAndTheQueueMovesOn() throws Exception {
        String broken = createRun(LONG_RUN);
        String next = createRun(LONG_RUN);
        Path runDir = dataDir.resolve("runs").resolve(broken);
        List<Event> events = new ArrayList<>();
        try (SseStream stream = server.events(broken, null)) {
            // Training has begun: the worker has written run.json and will save the model after epoch 1.
            assertThat(stream.until(e -> e.name().equals("progress"), events)).isNotNull();
            phase("training");
            deleteTree(new RunFolder(runDir).modelDir());
            Files.writeString(new RunFolder(runDir).modelDir(), "not a folder");
            Files.delete(runDir.resolve(RunFolder.RECORD_FILE));
            Files.createDirectory(runDir.resolve(RunFolder.RECORD_FILE));

            JsonNode status = finalStatus(stream, events);
            phase("run failed");

            assertThat(status.get("status").asText()).isEqualTo("failed");
            assertThat(status.get("reason").asText())
                    .startsWith("cannot save the model into " + new RunFolder(runDir).modelDir()
                            + " (FileAlreadyExistsException)")
                    .contains("; and the run folder cannot be written: cannot write "
                            + runDir.resolve(RunFolder.RECORD_FILE));
        }
        JsonNode run = TestServer.json(server.get("/api/runs/" + broken));
        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertStartsTraining(next);
        assertThat(server.postJson("/api/runs/" + next + "/cancel", "").statusCode()).isEqualTo(200);
    }

    static void deleteTree(Path top) throws IOException {
        if (!Files.exists(top)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(top)) {
            for (Path path : walk.sorted(Collections.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
