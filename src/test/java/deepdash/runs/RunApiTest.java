package deepdash.runs;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.json.Json;
import deepdash.support.SseStream;
import deepdash.support.SseStream.Event;
import deepdash.support.TestServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The runs API over real HTTP, with real worker processes training on real MNIST. */
@Timeout(300)
class RunApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /** Each test starts with the worker free: whatever a test left running is cancelled. */
    @AfterEach
    void cancelLeftovers() throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean busy = false;
            for (JsonNode run : json(server.get("/api/runs"))) {
                String status = run.get("status").asText();
                if (status.equals("queued") || status.equals("running")) {
                    busy = true;
                    server.postJson("/api/runs/" + run.get("id").asText() + "/cancel", "");
                }
            }
            if (!busy) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("runs still busy after 60 s");
    }


    static String createRun(String body) throws Exception {
        HttpResponse<String> response = server.postJson("/api/runs", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode run = json(response);
        assertThat(run.get("status").asText()).isIn("queued", "running");
        return run.get("id").asText();
    }

    static boolean isFinalStatus(Event event) {
        if (!"status".equals(event.name())) {
            return false;
        }
        try {
            String status = Json.mapper().readTree(event.data()).get("status").asText();
            return List.of("completed", "failed", "cancelled", "interrupted").contains(status);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode data(Event event) throws Exception {
        return Json.mapper().readTree(event.data());
    }

    @Test
    void healthAnswers() throws Exception {
        HttpResponse<String> response = server.get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void summaryIsComputedFromTheBlock() throws Exception {
        JsonNode summary = json(server.get("/api/models/cnn/summary"));
        assertThat(summary.get("totalParams").asLong()).isEqualTo(60_554);
        assertThat(summary.get("trainableParams").asLong()).isEqualTo(60_554);
        assertThat(summary.get("layers").get(0).get("formula").asText()).isEqualTo("3x3x1x32+32 = 320");
    }

    @Test
    void aShortRunStreamsItsEpochAndBeatsChanceByFar() throws Exception {
        String id = createRun("{\"model\":\"cnn\",\"epochs\":1,\"batchSize\":32,\"learningRate\":0.001,"
                + "\"trainLimit\":2000,\"device\":\"auto\"}");
        List<Event> events = new ArrayList<>();
        try (SseStream stream = server.events(id, null)) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            assertThat(stream.until(RunApiTest::isFinalStatus, events)).isNotNull();
            assertThat(stream.next()).as("the stream ends after the final status").isNull();
        }
        List<Event> epochs = events.stream().filter(e -> e.name().equals("epoch")).toList();
        assertThat(epochs).hasSize(1);
        JsonNode epoch = data(epochs.get(0));
        assertThat(epoch.get("val_accuracy").asDouble()).isGreaterThan(0.5);
        assertThat(epoch.get("samplesPerSecond").asDouble()).isPositive();
        assertThat(events).extracting(Event::id).isSorted().doesNotHaveDuplicates();

        JsonNode finalStatus = data(events.get(events.size() - 1));
        assertThat(finalStatus.get("status").asText()).isEqualTo("completed");
        JsonNode run = json(server.get("/api/runs/" + id));
        assertThat(run.get("status").asText()).isEqualTo("completed");
        assertThat(run.get("device").asText()).isEqualTo("cpu()");
        assertThat(run.get("test").get("accuracy").asDouble()).as("chance is 0.1").isGreaterThan(0.5);
        assertThat(run.get("test").get("loss").asDouble()).isPositive();
        assertThat(run.get("epochs")).hasSize(1);

        // A client that connects after the run still gets the whole history, then the end.
        try (SseStream late = server.events(id, null)) {
            List<Event> replay = late.readToEnd();
            assertThat(replay.stream().filter(e -> e.name().equals("epoch")).count()).isEqualTo(1);
            assertThat(isFinalStatus(replay.get(replay.size() - 1))).isTrue();
        }
        // One that reconnects after the epoch gets only what came after it.
        long epochId = epochs.get(0).id();
        try (SseStream resumed = server.events(id, epochId)) {
            List<Event> rest = resumed.readToEnd();
            assertThat(rest).isNotEmpty().allMatch(e -> e.id() > epochId);
            assertThat(rest).noneMatch(e -> e.name().equals("epoch"));
        }
    }

    @Test
    void aClientThatJoinsMidRunGetsTheEpochItMissedExactlyOnce() throws Exception {
        String id = createRun("{\"model\":\"cnn\",\"epochs\":2,\"trainLimit\":1500}");
        List<Event> first = new ArrayList<>();
        try (SseStream stream = server.events(id, null)) {
            assertThat(stream.until(e -> e.name().equals("epoch"), first)).isNotNull();
            try (SseStream late = server.events(id, null)) {
                List<Event> seen = late.readToEnd();
                List<Integer> epochNumbers = new ArrayList<>();
                for (Event e : seen) {
                    if (e.name().equals("epoch")) {
                        epochNumbers.add(data(e).get("epoch").asInt());
                    }
                }
                assertThat(epochNumbers).containsExactly(1, 2);
                assertThat(isFinalStatus(seen.get(seen.size() - 1))).isTrue();
            }
        }
    }

    @Test
    void cancelStopsARunAndAFinishedRunCannotBeCancelled() throws Exception {
        String id = createRun("{\"model\":\"cnn\",\"epochs\":20,\"trainLimit\":20000}");
        List<Event> events = new ArrayList<>();
        try (SseStream stream = server.events(id, null)) {
            assertThat(stream.until(e -> e.name().equals("progress"), events)).isNotNull();
            HttpResponse<String> cancel = server.postJson("/api/runs/" + id + "/cancel", "");
            assertThat(cancel.statusCode()).isEqualTo(200);
            Event last = stream.until(RunApiTest::isFinalStatus, events);
            assertThat(data(last).get("status").asText()).isEqualTo("cancelled");
        }
        assertThat(server.postJson("/api/runs/" + id + "/cancel", "").statusCode()).isEqualTo(409);
        assertThat(server.postJson("/api/runs/no-such-run/cancel", "").statusCode()).isEqualTo(404);
    }

    @Test
    void runsBeyondTheWorkerLimitAreQueuedAndSaySo() throws Exception {
        String first = createRun("{\"model\":\"cnn\",\"epochs\":20,\"trainLimit\":20000}");
        String second = createRun("{\"model\":\"cnn\",\"epochs\":1,\"trainLimit\":100}");
        JsonNode queued = json(server.get("/api/runs/" + second));
        assertThat(queued.get("status").asText()).isEqualTo("queued");
        assertThat(queued.get("queuePosition").asInt()).isEqualTo(1);
        try (SseStream waiting = server.events(second, null)) {
            List<Event> replay = new ArrayList<>();
            Event status = waiting.until(e -> e.name().equals("status"), replay);
            assertThat(data(status).get("queuePosition").asInt()).isEqualTo(1);
            // A queued run is quiet; the stream still sends a heartbeat comment (every 10 s, at most 15).
            long start = System.nanoTime();
            assertThat(waiting.skipToHeartbeat()).isTrue();
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(15);
        }
        assertThat(server.postJson("/api/runs/" + second + "/cancel", "").statusCode()).isEqualTo(200);
        assertThat(json(server.get("/api/runs/" + second)).get("status").asText()).isEqualTo("cancelled");
        assertThat(server.postJson("/api/runs/" + first + "/cancel", "").statusCode()).isEqualTo(200);
        try (SseStream stream = server.events(first, null)) {
            stream.readToEnd();
        }
    }

    @Test
    void badRunSettingsAreRefusedNamingTheField() throws Exception {
        String[][] cases = {
            {"{\"model\":\"cnn\",\"epochs\":0}", "epochs"},
            {"{\"model\":\"cnn\",\"epochs\":\"ten\"}", "epochs"},
            {"{\"model\":\"cnn\",\"batchSize\":-3}", "batchSize"},
            {"{\"model\":\"cnn\",\"learningRate\":0}", "learningRate"},
            {"{\"model\":\"cnn\",\"learningRate\":5}", "learningRate"},
            {"{\"model\":\"cnn\",\"trainLimit\":5}", "trainLimit"},
            {"{\"model\":\"cnn\",\"trainLimit\":70000}", "trainLimit"},
            {"{\"model\":\"cnn\",\"device\":\"tpu\"}", "device"},
            // This machine has no GPU (CI has none either); asking for one is refused up front.
            {"{\"model\":\"cnn\",\"device\":\"gpu\"}", "device"},
            {"{\"model\":\"transformer\"}", "model"},
            {"{\"epochs\":3}", "model"},
            {"{not json", "body"},
            {"", "body"},
        };
        int before = json(server.get("/api/runs")).size();
        for (String[] c : cases) {
            HttpResponse<String> response = server.postJson("/api/runs", c[0]);
            assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
            JsonNode error = json(response);
            assertThat(error.get("field").asText()).as(c[0]).isEqualTo(c[1]);
            assertThat(error.get("error").asText()).as(c[0]).startsWith(c[1] + ":");
        }
        assertThat(json(server.get("/api/runs")).size()).as("no run was created").isEqualTo(before);
    }

    @Test
    void unknownRunsAre404AndStreamsNeedTheEventStreamAcceptHeader() throws Exception {
        assertThat(server.get("/api/runs/20990101-000000-000000").statusCode()).isEqualTo(404);
        assertThat(server.get("/api/runs/..%2F..%2Fetc").statusCode()).isIn(400, 404);
        assertThat(server.get("/api/runs/nope/events").statusCode()).isEqualTo(404);
        String any = createRun("{\"model\":\"cnn\",\"epochs\":1,\"trainLimit\":100}");
        assertThat(server.get("/api/runs/" + any + "/events").statusCode()).isEqualTo(406);
    }

    @Test
    void aBrowserThatNavigatesToAMissingRunGetsAnHtmlPageTheApiGetsJson() throws Exception {
        HttpResponse<String> page = server.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.baseUrl() + "/runs/20990101-000000-000000"))
                .header("Accept", "text/html,application/xhtml+xml").GET().build());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("no run with id", "<nav aria-label=");
        HttpResponse<String> api = server.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.baseUrl() + "/api/runs/20990101-000000-000000"))
                .header("Accept", "text/html,application/xhtml+xml").GET().build());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(json(api).get("error").asText()).contains("no run with id");
    }

    @Test
    void theCnnPageShowsTheSummaryAndTheForm() {
        HttpResponse<String> page = server.get("/cnn");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("60,554", "3x3x1x32+32 = 320", "hx-post=\"/ui/runs\"",
                "/webjars/chart.js/4.5.1/dist/chart.umd.min.js");
        assertThat(server.get("/webjars/htmx.org/2.0.8/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(server.get("/webjars/chart.js/4.5.1/dist/chart.umd.min.js").statusCode()).isEqualTo(200);
        assertThat(server.get("/webjars/htmx-ext-sse/2.2.2/sse.js").statusCode()).isEqualTo(200);
        assertThat(server.get("/static/js/run-panel.js").statusCode()).isEqualTo(200);
    }
}
