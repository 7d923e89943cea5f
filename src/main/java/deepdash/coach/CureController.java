package deepdash.coach;

import deepdash.history.RunsPageController;
import deepdash.i18n.Text;
import deepdash.model.ModelRegistry;
import deepdash.runs.RunPanelView;
import deepdash.runs.RunService;
import deepdash.runs.RunView;
import deepdash.web.BadRequestException;
import deepdash.web.Templates;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Try the seed's cure" from a completed CNN run: {@code POST /api/runs/{id}/cures} starts the two
 * runs ({@link CureService}); the run page's button does the same through {@code /ui/runs/{id}/cures}
 * and lands on {@code /runs/{id}/cures?runs=a,b}, which follows both live and opens compare (the
 * run and its two cures, with the coach's notes) once both have finished.
 */
public final class CureController {

    public static final String API = "/api/runs/{id}/cures";
    public static final String UI = "/ui/runs/{id}/cures";
    public static final String PAGE = "/runs/{id}/cures";

    private final CureService cures;
    private final RunService runs;
    private final ModelRegistry models;
    private final Templates templates;

    public CureController(CureService cures, RunService runs, ModelRegistry models, Templates templates) {
        this.cures = cures;
        this.runs = runs;
        this.models = models;
        this.templates = templates;
    }

    public static String uiPath(String runId) {
        return UI.replace("{id}", runId);
    }

    public void register(JavalinConfig config) {
        config.routes.post(API, this::start);
        config.routes.post(UI, this::startFromPage);
        config.routes.get(PAGE, this::page);
    }

    private void start(Context ctx) {
        String id = ctx.pathParam("id");
        List<CureService.CureRun> started = cures.tryCures(id);
        List<Map<String, Object>> items = new ArrayList<>();
        for (CureService.CureRun cure : started) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("cure", cure.cure());
            item.put("id", cure.run().id());
            item.put("status", cure.run().status().wireName());
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", id);
        body.put("runs", items);
        body.put("page", pagePath(id, started));
        body.put("compare", comparePath(id, started.stream().map(c -> c.run().id()).toList()));
        ctx.status(202).json(body);
    }

    /** The run page's button: start them, then let htmx take the browser to the page that follows them. */
    private void startFromPage(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.header("HX-Redirect", pagePath(id, cures.tryCures(id)));
        ctx.status(204);
    }

    private void page(Context ctx) {
        RunView from = runs.view(ctx.pathParam("id"));
        String asked = ctx.queryParam("runs");
        if (asked == null || asked.isBlank()) {
            throw new BadRequestException("runs", Text.of("error.cures.no_runs"));
        }
        List<RunPanelView> panels = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (String id : asked.split(",")) {
            if (!id.isBlank()) {
                RunView run = runs.view(id.trim());
                panels.add(RunPanelView.of(run, models));
                ids.add(run.id());
            }
        }
        if (panels.isEmpty() || panels.size() > 2) {
            throw new BadRequestException("runs", Text.of("error.cures.count", panels.size()));
        }
        templates.render(ctx, "coach/cures.jte", new CuresPageView(from.id(), panels, comparePath(from.id(), ids)));
    }

    private static String pagePath(String from, List<CureService.CureRun> started) {
        return PAGE.replace("{id}", from) + "?runs="
                + String.join(",", started.stream().map(c -> c.run().id()).toList());
    }

    private static String comparePath(String from, List<String> cureRuns) {
        List<String> ids = new ArrayList<>(List.of(from));
        ids.addAll(cureRuns);
        return RunsPageController.COMPARE + "?ids=" + String.join(",", ids);
    }
}
