package deepdash.runs;

import deepdash.events.EventStreams;
import deepdash.i18n.Text;
import deepdash.protocol.RunConfig;
import deepdash.web.BadRequestException;
import deepdash.web.ErrorMapping;
import deepdash.web.JsonBodies;
import deepdash.web.Templates;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * The runs API: create, list (filtered, one page at a time), show, name and annotate, cancel,
 * delete, and each run's event stream. The list stays a JSON array; the number of matching runs on all pages is in the
 * {@code X-Total-Count} header.
 */
public final class RunController {

    public static final String RUNS = "/api/runs";
    public static final String RUN = "/api/runs/{id}";
    public static final String CANCEL = "/api/runs/{id}/cancel";
    public static final String EVENTS = "/api/runs/{id}/events";
    /** The per-step loss series so far: a JSON array of {@code {step, epoch, batch, loss}}. */
    public static final String BATCHES = "/api/runs/{id}/batches";
    public static final String TOTAL_COUNT_HEADER = "X-Total-Count";

    /** What an htmx request to {@link #RUN}'s PATCH gets back instead of JSON: "saved" and the new title. */
    public static final String LABEL_SAVED_TEMPLATE = "runs/label-saved.jte";

    private final RunService runs;
    private final RunStream stream;
    private final Templates templates;

    public RunController(RunService runs, EventStreams streams) {
        this(runs, streams, null);
    }

    /** @param templates renders the run page's answer to its name and notes form; null for JSON only */
    public RunController(RunService runs, EventStreams streams, Templates templates) {
        this.runs = runs;
        this.stream = new RunStream(streams);
        this.templates = templates;
    }

    public void register(JavalinConfig config) {
        config.routes.post(RUNS, this::create);
        config.routes.get(RUNS, this::list);
        config.routes.get(RUN, ctx -> ctx.json(runs.view(ctx.pathParam("id"))));
        config.routes.patch(RUN, this::relabel);
        config.routes.delete(RUN, this::delete);
        config.routes.post(CANCEL, ctx -> ctx.json(runs.cancel(ctx.pathParam("id"))));
        config.routes.get(EVENTS, this::events);
        config.routes.get(BATCHES, ctx -> ctx.json(runs.batchLosses(ctx.pathParam("id"))));
    }

    private void create(Context ctx) {
        RunConfig requested = JsonBodies.read(ctx, RunConfig.class);
        ctx.status(202).json(runs.create(requested));
    }

    private void list(Context ctx) {
        RunPage page = runs.list(RunQuery.parse(ctx::queryParam, runs.models()));
        ctx.header(TOTAL_COUNT_HEADER, Integer.toString(page.total()));
        ctx.json(page.runs());
    }

    /** {@code {"name","notes"}}, either or both; "" clears one. */
    private void relabel(Context ctx) {
        RunLabel patch = JsonBodies.read(ctx, RunLabel.class);
        RunView run = runs.relabel(ctx.pathParam("id"), patch);
        if (templates != null && ErrorMapping.isHtmx(ctx)) {
            templates.render(ctx, LABEL_SAVED_TEMPLATE, run);
        } else {
            ctx.json(run);
        }
    }

    private void delete(Context ctx) {
        runs.delete(ctx.pathParam("id"));
        ctx.status(204);
    }

    private void events(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        // Checked before the stream starts: after that the status line (200) is already sent.
        runs.view(id);
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new BadRequestException(406, "Accept", Text.of("error.stream.accept"));
        }
        long lastEventId = lastEventId(ctx);
        stream.serve(ctx, id, lastEventId);
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
            throw new BadRequestException("Last-Event-ID", Text.of("error.form.whole_number", value));
        }
    }
}
