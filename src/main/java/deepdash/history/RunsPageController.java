package deepdash.history;

import deepdash.cnn.CnnPageController;
import deepdash.digits.PredictionController;
import deepdash.forecast.ForecastPageController;
import deepdash.i18n.Text;
import deepdash.mistakes.EvaluationSectionView;
import deepdash.model.CnnSpec;
import deepdash.model.ModelRegistry;
import deepdash.protocol.RunStatus;
import deepdash.runs.RunExports;
import deepdash.runs.RunPanelView;
import deepdash.runs.RunQuery;
import deepdash.runs.RunService;
import deepdash.runs.RunStore;
import deepdash.runs.RunView;
import deepdash.web.BadRequestException;
import deepdash.web.ChartPalette;
import deepdash.web.RequestLanguage;
import deepdash.web.Templates;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Runs pages: every run in a filtered, paged table; one run with its downloads; several runs
 * compared. Everything comes from {@link RunService}'s memory, which it loads from disk at start-up,
 * so history survives a restart and a thousand runs list as fast as ten.
 */
public final class RunsPageController {

    public static final String PAGE = "/runs";
    /** The table fragment that the filters, the pager and the live refresh swap in. */
    public static final String TABLE = "/runs/table";
    public static final String COMPARE = "/runs/compare";
    public static final String DETAIL = "/runs/{id}";
    public static final String DELETE_RUN = "/ui/runs/{id}";
    /** DOM id of the table fragment; its template's root element carries it. */
    public static final String TABLE_ID = "run-table";
    public static final int PAGE_SIZE = 50;
    /** The palette has this many colours; more curves on one chart stop being readable anyway. */
    public static final int MAX_COMPARED = ChartPalette.COLORS.size();

    private final RunService runs;
    private final RunExports exports;
    private final ModelRegistry models;
    private final Templates templates;
    private final Clock clock;

    public RunsPageController(RunService runs, RunExports exports, ModelRegistry models, Templates templates,
            Clock clock) {
        this.runs = runs;
        this.exports = exports;
        this.models = models;
        this.templates = templates;
        this.clock = clock;
    }

    public static String detailPath(String id) {
        return DETAIL.replace("{id}", id);
    }

    public void register(JavalinConfig config) {
        config.routes.get(PAGE, this::page);
        // Before DETAIL: "table" and "compare" would otherwise read as run ids.
        config.routes.get(TABLE, this::table);
        config.routes.get(COMPARE, this::compare);
        config.routes.get(DETAIL, this::detail);
        config.routes.delete(DELETE_RUN, this::delete);
    }

    private void page(Context ctx) {
        RunTableView table = tableView(ctx);
        List<String> statuses = Arrays.stream(RunStatus.values()).map(RunStatus::wireName).toList();
        String deleted = ctx.queryParam("deleted");
        templates.render(ctx, "runs/list.jte", new RunsPageView(table, new ArrayList<>(runs.models()), statuses,
                RunStore.isValidId(deleted) ? deleted : null));
    }

    private void table(Context ctx) {
        RunTableView table = tableView(ctx);
        // The address bar shows the full page with these filters, so reload and back keep them.
        ctx.header("HX-Push-Url", table.pageUrl(table.offset()));
        templates.render(ctx, "runs/table.jte", table);
    }

    private RunTableView tableView(Context ctx) {
        RunQuery asked = RunQuery.parse(ctx::queryParam, runs.models());
        RunQuery query = new RunQuery(asked.model(), asked.statuses(), asked.offset(), PAGE_SIZE);
        return RunTableView.of(runs.list(query), models, clock.instant(), exports, RequestLanguage.messages(ctx));
    }

    private void detail(Context ctx) {
        RunView run = runs.view(ctx.pathParam("id"));
        boolean hasModel = exports.hasModel(run.id());
        // Only a finished CNN reads digits; its evaluation loads after the page (htmx), so this stays fast.
        boolean cnn = CnnSpec.NAME.equals(run.model());
        EvaluationSectionView evaluation = null;
        if (cnn && hasModel && run.status() == RunStatus.COMPLETED) {
            evaluation = EvaluationSectionView.forRun(run.id());
        } else if (cnn && !run.isFinished()) {
            evaluation = EvaluationSectionView.whenCompleted(run.id());
        }
        String trainAgain = cnn ? CnnPageController.PAGE + "?" + CnnPageController.FROM_PARAM + "=" + run.id()
                : models.isForecast(run.model())
                        ? ForecastPageController.PAGE + "?" + ForecastPageController.FROM_PARAM + "=" + run.id() : null;
        String draw = cnn && hasModel && run.status() == RunStatus.COMPLETED ? drawPath(run.id()) : null;
        templates.render(ctx, "runs/detail.jte", new RunDetailView(RunPanelView.of(run, models),
                RunRowView.of(run, models, clock.instant(), exports, RequestLanguage.messages(ctx)), hasModel,
                evaluation, trainAgain, draw));
    }

    /** The draw page with run {@code id}'s model selected. */
    public static String drawPath(String id) {
        return PredictionController.DRAW_PAGE + "?" + PredictionController.MODEL_PARAM + "=" + id;
    }

    /** {@code ?ids=a,b,c} (or {@code ?ids=a&ids=b}, as a plain form sends it). */
    private void compare(Context ctx) {
        Set<String> ids = new LinkedHashSet<>();
        for (String value : ctx.queryParams("ids")) {
            for (String id : value.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.trim());
                }
            }
        }
        if (ids.size() < 2 || ids.size() > MAX_COMPARED) {
            throw new BadRequestException("ids", Text.of("error.compare.count", MAX_COMPARED, ids.size()));
        }
        List<RunView> compared = ids.stream().map(runs::view).toList();
        templates.render(ctx, "runs/compare.jte", RunComparison.of(compared, models, clock.instant(), exports,
                RequestLanguage.messages(ctx)));
    }

    /** Deletes from the detail page, then sends the browser back to the list (htmx follows HX-Redirect). */
    private void delete(Context ctx) {
        String id = ctx.pathParam("id");
        runs.delete(id);
        ctx.header("HX-Redirect", PAGE + "?deleted=" + id);
        ctx.status(204);
    }
}
