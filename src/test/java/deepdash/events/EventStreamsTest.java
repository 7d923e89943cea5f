package deepdash.events;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.support.SseStream;
import deepdash.support.SseStream.Event;
import io.javalin.Javalin;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Event streams over real HTTP (Jetty through Javalin), fed straight from the hub: a short
 * heartbeat and write timeout keep the tests quick. Deadlines below are generous limits on waiting
 * for something that must happen, not speed assertions.
 */
@Timeout(120)
class EventStreamsTest {

    private static final long HEARTBEAT_MILLIS = 200;
    private static final long WRITE_IDLE_TIMEOUT_MILLIS = 2_000;
    private static final int MAX_STREAMS = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private EventHub hub;
    private EventStreams streams;
    private Javalin server;

    @BeforeEach
    void start() {
        hub = new EventHub();
        streams = new EventStreams(hub, HEARTBEAT_MILLIS, MAX_STREAMS);
        server = Javalin.create(c -> {
            c.jetty.host = "127.0.0.1";
            c.jetty.port = 0;
            // How long a write may wait on a client that does not read before the connection fails.
            c.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(WRITE_IDLE_TIMEOUT_MILLIS));
            c.startup.showJavalinBanner = false;
            c.routes.get("/events/{topic}", ctx -> {
                String last = ctx.header("Last-Event-ID");
                if (!streams.open(ctx, ctx.pathParam("topic"), last == null ? 0 : Long.parseLong(last))) {
                    ctx.status(503).result("full");
                }
            });
        }).start();
    }

    @AfterEach
    void stop() {
        server.stop();
        streams.close();
    }

    private HttpResponse<Stream<String>> request(String topic) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/events/" + topic))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
    }

    private SseStream open(String topic) throws Exception {
        HttpResponse<Stream<String>> response = request(topic);
        assertThat(response.statusCode()).isEqualTo(200);
        return new SseStream(response);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still waiting after " + PATIENCE.toSeconds() + " s for: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aLateClientGetsTheRetainedEventsThenTheStreamEndsAndGivesBackItsSlot() throws Exception {
        hub.publish("run", "status", "{\"status\":\"running\"}", Delivery.RETAINED);
        hub.publish("run", "progress", "{\"batch\":1}", Delivery.LIVE);
        hub.publish("run", "epoch", "{\"epoch\":1}", Delivery.RETAINED);
        hub.publish("run", "status", "{\"status\":\"completed\"}", Delivery.FINAL);
        for (int i = 0; i < MAX_STREAMS + 2; i++) {
            try (SseStream stream = open("run")) {
                assertThat(stream.contentType()).startsWith("text/event-stream");
                List<Event> events = stream.readToEnd();
                assertThat(events).extracting(Event::name).containsExactly("status", "epoch", "status");
                assertThat(events).extracting(Event::id).containsExactly(1L, 3L, 4L);
            }
            // More streams than the cap, one after another: each ended stream gave its slot back.
            await("the ended stream's slot", () -> streams.openStreams() == 0);
        }
    }

    @Test
    void liveEventsArriveInOrderAfterTheReplayAndLastEventIdSkipsWhatWasSeen() throws Exception {
        hub.publish("run", "epoch", "{\"epoch\":1}", Delivery.RETAINED);
        try (SseStream stream = open("run")) {
            assertThat(stream.next().data()).isEqualTo("{\"epoch\":1}");
            hub.publish("run", "epoch", "{\"epoch\":2}", Delivery.RETAINED);
            hub.publish("run", "status", "{\"status\":\"completed\"}", Delivery.FINAL);
            assertThat(stream.readToEnd()).extracting(Event::data)
                    .containsExactly("{\"epoch\":2}", "{\"status\":\"completed\"}");
        }
        HttpResponse<Stream<String>> resumed = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/events/run"))
                .header("Accept", "text/event-stream").header("Last-Event-ID", "2").build(),
                HttpResponse.BodyHandlers.ofLines());
        try (SseStream stream = new SseStream(resumed)) {
            assertThat(stream.readToEnd()).extracting(Event::id).containsExactly(3L);
        }
    }

    @Test
    void aQuietStreamGetsHeartbeats() throws Exception {
        hub.publish("quiet", "status", "{\"status\":\"queued\"}", Delivery.RETAINED);
        try (SseStream stream = open("quiet")) {
            assertThat(stream.next().name()).isEqualTo("status");
            for (int i = 0; i < 3; i++) {
                assertThat(stream.skipToHeartbeat()).isTrue();
            }
        }
    }

    @Test
    void pastTheCapAStreamIsRefusedAndASlotFreesWhenAClientHangsUp() throws Exception {
        hub.publish("queued", "status", "{\"status\":\"queued\"}", Delivery.RETAINED);
        List<SseStream> clients = new ArrayList<>();
        for (int i = 0; i < MAX_STREAMS; i++) {
            SseStream stream = open("queued");
            assertThat(stream.next().name()).isEqualTo("status");
            clients.add(stream);
        }
        HttpResponse<Stream<String>> refused = request("queued");
        assertThat(refused.statusCode()).isEqualTo(503);
        refused.body().close();
        assertThat(streams.openStreams()).isEqualTo(MAX_STREAMS);

        // The client goes away without a word; the next heartbeat finds the closed connection.
        clients.remove(0).close();
        await("the hung-up stream's slot", () -> streams.openStreams() == MAX_STREAMS - 1);
        await("the hung-up client's subscription to go", () -> hub.subscriberCount("queued") == MAX_STREAMS - 1);
        try (SseStream again = open("queued")) {
            assertThat(again.next().name()).isEqualTo("status");
        }
        clients.forEach(SseStream::close);
        await("every slot back", () -> streams.openStreams() == 0);
    }

    @Test
    void aClientThatStopsReadingIsDroppedWhileTheOthersGetEveryEvent() throws Exception {
        int events = Subscription.CAPACITY * 8;
        String payload = "{\"pad\":\"" + "x".repeat(1_000) + "\"}";
        hub.publish("busy", "status", "{\"status\":\"running\"}", Delivery.RETAINED);
        try (Socket stalled = new Socket()) {
            // A tiny receive window: its socket fills after a few events and the server's writes wait.
            stalled.setReceiveBufferSize(1_024);
            stalled.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            OutputStream request = stalled.getOutputStream();
            request.write(("GET /events/busy HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            await("the stalled client's stream", () -> hub.subscriberCount("busy") == 1);

            SseStream reader = open("busy");
            await("the reading client's stream", () -> hub.subscriberCount("busy") == 2);
            AtomicInteger received = new AtomicInteger();
            CompletableFuture<List<Long>> readerIds = CompletableFuture.supplyAsync(() -> {
                List<Long> ids = new ArrayList<>();
                Event event;
                while ((event = reader.next()) != null) {
                    ids.add(event.id());
                    received.incrementAndGet();
                }
                return ids;
            });

            for (int i = 1; i <= events; i++) {
                hub.publish("busy", "progress", payload, Delivery.LIVE);
                if (i % 500 == 0) {
                    // Keep the reading client within its queue: only the stalled one may fall behind.
                    int sent = i;
                    await("the reading client to keep up", () -> received.get() >= sent - 500);
                }
            }
            assertThat(hub.subscriberCount("busy")).as("the stalled client was dropped, the reader kept").isEqualTo(1);
            hub.publish("busy", "status", "{\"status\":\"completed\"}", Delivery.FINAL);

            List<Long> ids = readerIds.get();
            assertThat(ids).hasSize(events + 2);
            for (int i = 0; i < ids.size(); i++) {
                assertThat(ids.get(i)).isEqualTo(i + 1L);
            }
            reader.close();
            // The stalled client's pending write times out; its connection and slot go with it.
            await("the stalled stream's slot", () -> streams.openStreams() == 0);
        }
    }
}
