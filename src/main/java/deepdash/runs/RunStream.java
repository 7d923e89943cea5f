package deepdash.runs;

import deepdash.events.EventStreams;
import deepdash.web.ApiError;
import deepdash.web.RequestLanguage;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * Serves one client's event stream for one run: replays what it missed, then forwards live events
 * until the run's final status, with a heartbeat comment whenever the run is quiet so proxies and
 * browsers keep the connection. The handler thread returns at once; {@link EventStreams} writes the
 * stream. Past the cap on open streams the client gets a 503 with {@code Retry-After} instead.
 */
final class RunStream {

    /** Streams free up as clients leave (heartbeats find them) and as runs end. */
    static final int RETRY_AFTER_SECONDS = 10;

    private final EventStreams streams;

    RunStream(EventStreams streams) {
        this.streams = streams;
    }

    void serve(Context ctx, String runId, long lastEventId) throws IOException {
        if (!streams.open(ctx, runId, lastEventId)) {
            ctx.status(503);
            ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            ctx.json(new ApiError(RequestLanguage.messages(ctx).get("error.stream.too_many", streams.maxStreams(),
                    RETRY_AFTER_SECONDS), "stream.too_many", null));
        }
    }
}
