package deepdash.runs;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.AppConfig;
import deepdash.support.SseStream;
import deepdash.support.SseStream.Event;
import deepdash.support.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits on run event streams, through the real app: a cap on how many are open (503 with
 * {@code Retry-After} past it, freed as clients leave and streams end) and no server thread held
 * per stream. Workers are {@code cat}: a run stays running until cancelled, the next one queued.
 */
@Timeout(240)
class StreamLimitsTest {

    private static final WorkerLauncher IDLE_WORKER = runDir -> new ProcessBuilder("cat").start();
    private static final String RUN = "{\"model\":\"cnn\",\"epochs\":1,\"trainLimit\":100}";
    /** Long enough for a heartbeat (every 10 s) to find a closed connection, with room to spare. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    private static String createRun(TestServer server) {
        HttpResponse<String> response = server.postJson("/api/runs", RUN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).get("id").asText();
    }

    private static SseStream openQueued(TestServer server, String runId) {
        SseStream stream = server.events(runId, null);
        assertThat(stream.statusCode()).isEqualTo(200);
        Event first = stream.next();
        assertThat(first.name()).isEqualTo("status");
        return stream;
    }

    private static HttpResponse<String> requestStream(TestServer server, String runId) {
        return server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/runs/" + runId + "/events"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).build());
    }

    /** Threads of this JVM but the test's own HTTP client: the server's and JUnit's. */
    private static int serverSideThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.getName().startsWith("HttpClient-"))
                .count();
    }

    @Test
    void pastTheCapAStreamIsA503WithRetryAfterAndSlotsFreeAsClientsLeaveAndStreamsEnd() throws Exception {
        try (TestServer server = TestServer.start(AppConfig.forTests(dataDir).withMaxStreams(3), IDLE_WORKER)) {
            String running = createRun(server);
            String queued = createRun(server);
            List<SseStream> clients = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                clients.add(openQueued(server, queued));
            }

            HttpResponse<String> refused = requestStream(server, queued);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            assertThat(json(refused).get("error").asText()).contains("too many event streams", "3");
            assertThat(server.get("/api/runs/" + queued).statusCode()).as("the rest of the API answers").isEqualTo(200);

            // A client hangs up without a word: a heartbeat finds the closed connection and frees its slot.
            clients.remove(0).close();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            SseStream again = null;
            while (again == null) {
                assertThat(System.nanoTime()).as("a slot frees up within " + PATIENCE).isLessThan(deadline);
                SseStream attempt = server.events(queued, null);
                if (attempt.statusCode() == 200) {
                    again = attempt;
                } else {
                    assertThat(attempt.statusCode()).isEqualTo(503);
                    attempt.close();
                    Thread.sleep(500);
                }
            }
            clients.add(again);
            assertThat(again.next().name()).isEqualTo("status");

            // The run ends: every stream gets the final status, ends, and gives its slot back.
            assertThat(server.postJson("/api/runs/" + queued + "/cancel", "").statusCode()).isEqualTo(200);
            for (SseStream client : clients) {
                Event last = client.until(RunApiTest::isFinalStatus, new ArrayList<>());
                assertThat(RunApiTest.data(last).get("status").asText()).isEqualTo("cancelled");
                assertThat(client.next()).isNull();
                client.close();
            }
            List<SseStream> onTheRunningOne = new ArrayList<>();
            deadline = System.nanoTime() + PATIENCE.toNanos();
            while (onTheRunningOne.size() < 3) {
                assertThat(System.nanoTime()).as("the ended streams' slots come back").isLessThan(deadline);
                SseStream attempt = server.events(running, null);
                if (attempt.statusCode() == 200) {
                    onTheRunningOne.add(attempt);
                } else {
                    attempt.close();
                    Thread.sleep(100);
                }
            }
            onTheRunningOne.forEach(SseStream::close);
        }
    }

    @Test
    void twoHundredStreamsHoldFewServerThreadsAndAllGetTheFinalStatus() throws Exception {
        int streams = 200;
        try (TestServer server = TestServer.start(AppConfig.forTests(dataDir), IDLE_WORKER)) {
            createRun(server);
            String queued = createRun(server);
            // One stream first, so what starts once (the writer and heartbeat threads) is counted before.
            try (SseStream warmUp = openQueued(server, queued)) {
                assertThat(warmUp.statusCode()).isEqualTo(200);
            }
            int before = serverSideThreads();
            List<SseStream> clients = new ArrayList<>();
            try {
                for (int i = 0; i < streams; i++) {
                    clients.add(openQueued(server, queued));
                }
                int during = serverSideThreads();
                // One thread per stream (the old design) would add at least 200.
                assertThat(during - before).as("threads added by %d open streams (%d before)", streams, before)
                        .isLessThan(streams / 4);

                assertThat(server.postJson("/api/runs/" + queued + "/cancel", "").statusCode()).isEqualTo(200);
                for (SseStream client : clients) {
                    Event last = client.until(RunApiTest::isFinalStatus, new ArrayList<>());
                    assertThat(last).as("every stream gets the final status").isNotNull();
                    JsonNode status = RunApiTest.data(last);
                    assertThat(status.get("status").asText()).isEqualTo("cancelled");
                    assertThat(client.next()).as("and then ends").isNull();
                }
            } finally {
                clients.forEach(SseStream::close);
            }
        }
    }
}
