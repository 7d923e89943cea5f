package deepdash.runs;

import deepdash.events.EventHub;
import deepdash.events.StreamEvent;
import deepdash.events.Subscription;
import io.javalin.http.sse.SseClient;

/**
 * Serves one client's event stream for one run: replays what it missed, then forwards live events
 * from its own queue until the run's final status. A heartbeat comment goes out whenever the run
 * is quiet, so proxies and browsers keep the connection.
 */
final class RunStream {

    private final EventHub hub;
    private final long heartbeatMillis;

    RunStream(EventHub hub, long heartbeatMillis) {
        this.hub = hub;
        this.heartbeatMillis = heartbeatMillis;
    }

    void serve(SseClient client, String runId, long lastEventId) {
        Subscription subscription = hub.subscribe(runId, lastEventId);
        client.onClose(() -> hub.unsubscribe(runId, subscription));
        try {
            while (!client.terminated() && !subscription.isClosed()) {
                StreamEvent event = subscription.next(heartbeatMillis);
                if (event == null) {
                    if (subscription.isDropped()) {
                        break;
                    }
                    client.sendComment("heartbeat");
                    continue;
                }
                client.sendEvent(event.name(), event.data(), Long.toString(event.id()));
                if (event.terminal()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException clientGone) {
            // Jetty recycles a request whose client hung up; writing to it then fails. Nothing to do:
            // the client reconnects with Last-Event-ID if it wants the rest.
        } finally {
            hub.unsubscribe(runId, subscription);
            closeQuietly(client);
        }
    }

    private static void closeQuietly(SseClient client) {
        try {
            client.close();
        } catch (RuntimeException alreadyGone) {
            // See above: the connection is already closed.
        }
    }
}
