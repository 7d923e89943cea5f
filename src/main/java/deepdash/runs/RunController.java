package deepdash.runs;

import deepdash.events.EventHub;
import deepdash.web.BadRequestException;
import deepdash.web.JsonBodies;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;

/** The runs API: create, list, show, cancel, and each run's event stream. */
public final class RunController {

    public static final String RUNS = "/api/runs";
    public static final String RUN = "/api/runs/{id}";
    public static final String CANCEL = "/api/runs/{id}/cancel";
    public static final String EVENTS = "/api/runs/{id}/events";

    private final RunService runs;
    private final RunStream stream;

    public RunController(RunService runs, EventHub hub, long heartbeatMillis) {
        this.runs = runs;
        this.stream = new RunStream(hub, heartbeatMillis);
    }

    public void register(JavalinConfig config) {
        config.routes.post(RUNS, this::create);
        config.routes.get(RUNS, ctx -> ctx.json(runs.list()));
        config.routes.get(RUN, ctx -> ctx.json(runs.view(ctx.pathParam("id"))));
        config.routes.post(CANCEL, ctx -> ctx.json(runs.cancel(ctx.pathParam("id"))));
        config.routes.get(EVENTS, this::events);
    }

    private void create(Context ctx) {
        RunConfig requested = JsonBodies.read(ctx, RunConfig.class);
        ctx.status(202).json(runs.create(requested));
    }

    private void events(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        // Checked before the stream starts: after that the status line (200) is already sent.
        runs.view(id);
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new BadRequestException(406, "Accept", "this is a server-sent event stream; send "
                    + "\"Accept: text/event-stream\" (browsers' EventSource does)");
        }
        long lastEventId = lastEventId(ctx);
        new SseHandler(client -> stream.serve(client, id, lastEventId)).handle(ctx);
    }

    private static long lastEventId(Context ctx) {
        String header = ctx.header("Last-Event-ID");
        String value = header != null ? header : ctx.queryParam("lastEventId");
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("Last-Event-ID", "must be a whole number, got \"" + value + "\"");
        }
    }
}
