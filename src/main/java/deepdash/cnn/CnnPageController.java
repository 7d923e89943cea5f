package deepdash.cnn;

import deepdash.catalog.ModelSummaryService;
import deepdash.errors.UserError;
import deepdash.i18n.Text;
import deepdash.json.StrictJson;
import deepdash.model.ArchitectureException;
import deepdash.model.CnnArchitecture;
import deepdash.model.CnnSettings;
import deepdash.model.CnnSpec;
import deepdash.model.LearningRateSchedule;
import deepdash.model.ModelRegistry;
import deepdash.model.ModelSpec;
import deepdash.protocol.RunStatus;
import deepdash.runs.RunPanelView;
import deepdash.runs.RunQuery;
import deepdash.runs.RunService;
import deepdash.runs.RunView;
import deepdash.web.BadRequestException;
import deepdash.web.ErrorMapping;
import deepdash.web.FormFields;
import deepdash.web.JsonBodies;
import deepdash.web.RequestLanguage;
import deepdash.web.Templates;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/** The CNN page: the architecture editor and its summary, the training form, and its unfinished runs live. */
public final class CnnPageController {

    public static final String PAGE = "/cnn";
    public static final String START_RUN = "/ui/runs";
    public static final String CANCEL_RUN = "/ui/runs/{id}/cancel";
    /** The learning-rate schedule's preview plot for the form's settings (htmx). */
    public static final String SCHEDULE_PREVIEW = "/ui/cnn/schedule";
    /** {@code /cnn?from=<run id>}: the form filled in with that run's settings. */
    public static final String FROM_PARAM = "from";
    private static final String[] FORM_FIELDS = {"epochs", "batchSize", "learningRate", "trainLimit", "device", "l2",
        "l1", "schedule", "stepEpochs", "patience", "architecture"};
    /** The editor's fields in, the summary (or why the network cannot be built) out. */
    public static final String ARCHITECTURE = "/ui/cnn/architecture";
    /** The whole editor again, with the seed's network. */
    public static final String ARCHITECTURE_RESET = "/ui/cnn/architecture/reset";
    /** The DOM id of the list of run panels the train form adds to. */
    public static final String RUN_PANELS = "run-panels";
    /** More unfinished runs than this are listed on the Runs page only. */
    static final int MAX_ACTIVE_PANELS = 10;

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
        config.routes.post(ARCHITECTURE, this::editArchitecture);
        config.routes.post(ARCHITECTURE_RESET, this::resetArchitecture);
    }

    private void page(Context ctx) {
        ModelSpec cnn = models.find(CnnSpec.NAME).orElseThrow();
        // Every run still to finish stays in sight, the running one and those queued behind it.
        List<RunView> shown = runs.list(new RunQuery(cnn.name(), Set.of(RunStatus.RUNNING, RunStatus.QUEUED), 0,
                MAX_ACTIVE_PANELS)).runs();
        if (shown.isEmpty()) {
            shown = runs.list(new RunQuery(cnn.name(), Set.of(), 0, 1)).runs();
        }
        List<RunPanelView> panels = shown.stream().map(run -> RunPanelView.of(run, models)).toList();
        String from = ctx.queryParam(FROM_PARAM);
        if (from == null || from.isBlank()) {
            templates.render(ctx, "cnn/page.jte", new CnnPageView(seedEditor(cnn), CnnSettings.DEFAULTS, panels));
            return;
        }
        // "Train again with these settings": the form and the editor start from that run's.
        RunView source = runs.view(from.trim());
        if (!CnnSpec.NAME.equals(source.model())) {
            throw new BadRequestException(FROM_PARAM, Text.of("error.again.not_cnn", source.id(), source.model()));
        }
        CnnSettings settings = (CnnSettings) models.settings(source.config());
        CnnArchitecture network = settings.architecture() == null ? CnnArchitecture.SEED : settings.architecture();
        ArchitectureEditorView editor = ArchitectureEditorView.built(ArchitectureForm.of(network), network,
                summaries.summary(cnn, CnnSettings.DEFAULTS.withArchitecture(network), 0));
        templates.render(ctx, "cnn/page.jte", new CnnPageView(editor, settings, panels, source.id()));
    }

    private ArchitectureEditorView seedEditor(ModelSpec cnn) {
        return ArchitectureEditorView.built(ArchitectureForm.of(CnnArchitecture.SEED), CnnArchitecture.SEED,
                summaries.summary(cnn, 0));
    }

    /**
     * A network that cannot be built is an answer here, not a failure: the summary's place shows why
     * and Train is disabled, so the response is a 200 like any other edit.
     */
    private void editArchitecture(Context ctx) {
        ArchitectureForm form = ArchitectureForm.read(FormFields.expecting(ctx, ArchitectureForm.fieldNames()));
        ModelSpec cnn = models.find(CnnSpec.NAME).orElseThrow();
        ArchitectureEditorView view;
        try {
            CnnArchitecture architecture = form.architecture();
            view = ArchitectureEditorView.built(form, architecture, summaries.summary(cnn,
                    CnnSettings.DEFAULTS.withArchitecture(architecture), 0));
        } catch (ArchitectureException e) {
            view = ArchitectureEditorView.refused(form, e.message(RequestLanguage.messages(ctx)));
        }
        templates.render(ctx, "cnn/architectureUpdate.jte", view);
    }

    private void resetArchitecture(Context ctx) {
        templates.render(ctx, "cnn/architectureReset.jte", seedEditor(models.find(CnnSpec.NAME).orElseThrow()));
    }

    /**
     * A new run's panel goes on top of the run panels, with a status line by the Train button. A
     * refused form is an answer about the form, like a refused network in the editor: its message
     * goes into the error region next to the form (htmx's {@code HX-Retarget}), naming the input by
     * its label, so it never covers the runs below. The API keeps its own errors and field names.
     */
    private void startRun(Context ctx) {
        RunView run;
        try {
            run = runs.create(CnnSpec.runConfig(fromForm(ctx)));
        } catch (UserError refused) {
            if (!ErrorMapping.isHtmx(ctx)) {
                throw refused;
            }
            ctx.status(refused.status());
            ctx.header("HX-Retarget", "#" + TrainFormError.REGION_ID);
            ctx.header("HX-Reswap", "innerHTML");
            templates.render(ctx, "cnn/formError.jte", TrainFormError.of(refused, RequestLanguage.messages(ctx)));
            return;
        }
        ctx.status(202);
        templates.render(ctx, "cnn/started.jte", new TrainStartedView(RunPanelView.of(run, models)));
    }

    /** The form's settings as the API takes them; the step field counts only with the step schedule. */
    private static CnnSettings fromForm(Context ctx) {
        FormFields form = FormFields.expecting(ctx, FORM_FIELDS);
        String schedule = form.optionalText("schedule");
        Integer stepEpochs = LearningRateSchedule.STEP.equals(schedule) ? form.optionalInt("stepEpochs") : null;
        String architecture = form.optionalText("architecture");
        return new CnnSettings(form.optionalInt("epochs"), form.optionalInt("batchSize"),
                form.optionalDouble("learningRate"), form.optionalInt("trainLimit"), form.optionalText("device"),
                architecture == null ? null : architecture(architecture), form.optionalDouble("l2"),
                form.optionalDouble("l1"), schedule, stepEpochs, form.optionalInt("patience"));
    }

    private void schedulePreview(Context ctx) {
        // The network plays no part in the schedule; one the editor still refuses must not hide the plot.
        templates.render(ctx, "cnn/schedule.jte",
                SchedulePreviewView.of(fromForm(ctx).withArchitecture(null).check(null), RequestLanguage.messages(ctx)));
    }

    /** The train form's hidden {@code architecture} field, which the editor filled with the checked network's JSON. */
    private static CnnArchitecture architecture(String json) {
        try {
            return StrictJson.read(json, CnnArchitecture.class);
        } catch (StrictJson.InputException e) {
            String field = "body".equals(e.field()) ? "architecture" : "architecture." + e.field();
            throw JsonBodies.badRequest(field, e);
        }
    }

    private void cancelRun(Context ctx) {
        runs.cancel(ctx.pathParam("id"));
        ctx.status(204);
    }
}
