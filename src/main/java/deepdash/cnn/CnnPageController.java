package deepdash.cnn;

import deepdash.catalog.ModelSummaryService;
import deepdash.model.CnnSettings;
import deepdash.model.LearningRateSchedule;
import deepdash.model.CnnSpec;
import deepdash.model.ModelRegistry;
import deepdash.model.ModelSpec;
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
    /** The learning-rate schedule's preview plot for the form's settings (htmx). */
    public static final String SCHEDULE_PREVIEW = "/ui/cnn/schedule";
    private static final String[] FORM_FIELDS = {"epochs", "batchSize", "learningRate", "trainLimit", "device", "l2",
        "l1", "schedule", "stepEpochs", "patience"};

    private final ModelSummaryService summaries;
    private final RunService runs;
    private final ModelRegistry models;
    private final Templates templates;

    public CnnPageController(ModelSummaryService summaries, RunService runs, ModelRegistry models,
            Templates templates) {
        this.summaries = summaries;
        this.runs = runs;
        this.models = models;
        this.templates = templates;
    }

    public void register(JavalinConfig config) {
        config.routes.get("/", ctx -> ctx.redirect(PAGE));
        config.routes.get(PAGE, this::page);
        config.routes.post(START_RUN, this::startRun);
        config.routes.post(CANCEL_RUN, this::cancelRun);
        config.routes.post(SCHEDULE_PREVIEW, this::schedulePreview);
    }

    private void page(Context ctx) {
        ModelSpec cnn = models.find(CnnSpec.NAME).orElseThrow();
        RunView latest = runs.list(new RunQuery(cnn.name(), Set.of(), 0, 1)).runs().stream().findFirst().orElse(null);
        templates.render(ctx, "cnn/page.jte", new CnnPageView(summaries.summary(cnn, 0), CnnSettings.DEFAULTS,
                latest == null ? null : RunPanelView.of(latest, models)));
    }

    private void startRun(Context ctx) {
        RunView run = runs.create(CnnSpec.runConfig(fromForm(ctx)));
        ctx.status(202);
        templates.render(ctx, "runs/panel.jte", RunPanelView.of(run, models));
    }

    /** The form's settings as the API takes them; the step field counts only with the step schedule. */
    private static CnnSettings fromForm(Context ctx) {
        FormFields form = FormFields.expecting(ctx, FORM_FIELDS);
        String schedule = form.optionalText("schedule");
        Integer stepEpochs = LearningRateSchedule.STEP.equals(schedule) ? form.optionalInt("stepEpochs") : null;
        return new CnnSettings(form.optionalInt("epochs"), form.optionalInt("batchSize"),
                form.optionalDouble("learningRate"), form.optionalInt("trainLimit"), form.optionalText("device"),
                form.optionalDouble("l2"), form.optionalDouble("l1"), schedule, stepEpochs,
                form.optionalInt("patience"));
    }

    private void schedulePreview(Context ctx) {
        templates.render(ctx, "cnn/schedule.jte", SchedulePreviewView.of(fromForm(ctx).check(null)));
    }

    private void cancelRun(Context ctx) {
        runs.cancel(ctx.pathParam("id"));
        ctx.status(204);
    }
}
