package deepdash.cnn;

import deepdash.model.ModelSummaryService;
import deepdash.protocol.RunConfig;
import deepdash.runs.RunPanelView;
import deepdash.runs.RunQuery;
import deepdash.runs.RunService;
import deepdash.runs.RunView;
import deepdash.web.FormFields;
import deepdash.web.Templates;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Set;

/** The CNN page: architecture summary, training form, and the newest run live. */
public final class CnnPageController {

    public static final String PAGE = "/cnn";
    public static final String START_RUN = "/ui/runs";
    public static final String CANCEL_RUN = "/ui/runs/{id}/cancel";

    private final ModelSummaryService summaries;
    private final RunService runs;
    private final Templates templates;

    public CnnPageController(ModelSummaryService summaries, RunService runs, Templates templates) {
        this.summaries = summaries;
        this.runs = runs;
        this.templates = templates;
    }

    public void register(JavalinConfig config) {
        config.routes.get("/", ctx -> ctx.redirect(PAGE));
        config.routes.get(PAGE, this::page);
        config.routes.post(START_RUN, this::startRun);
        config.routes.post(CANCEL_RUN, this::cancelRun);
    }

    private void page(Context ctx) {
        RunView latest = runs.list(new RunQuery("cnn", Set.of(), 0, 1)).runs().stream().findFirst().orElse(null);
        templates.render(ctx, "cnn/page.jte", new CnnPageView(summaries.cnn(), RunConfig.cnnDefaults(), latest));
    }

    private void startRun(Context ctx) {
        FormFields form = new FormFields(ctx);
        RunConfig requested = new RunConfig("cnn", form.optionalInt("epochs"), form.optionalInt("batchSize"),
                form.optionalDouble("learningRate"), form.optionalInt("trainLimit"), form.optionalText("device"),
                null, null, null, null, null, null);
        RunView run = runs.create(requested);
        ctx.status(202);
        templates.render(ctx, "runs/panel.jte", new RunPanelView(run));
    }

    private void cancelRun(Context ctx) {
        runs.cancel(ctx.pathParam("id"));
        ctx.status(204);
    }
}
