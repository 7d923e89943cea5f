package deepdash.cell;

import deepdash.web.Templates;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * Inside the recurrent cell of a completed price model: the JSON of one test day's walk, the page,
 * and the fragment the page's day picker swaps in.
 */
public final class CellController {

    public static final String API = "/api/runs/{id}/cell";
    public static final String PAGE = "/runs/{id}/cell";
    public static final String FRAGMENT = "/ui/runs/{id}/cell";
    /** The element the fragment replaces. */
    public static final String TRACE_ID = "cell-trace";

    private final CellService cells;
    private final Templates templates;

    public CellController(CellService cells, Templates templates) {
        this.cells = cells;
        this.templates = templates;
    }

    public void register(JavalinConfig config) {
        config.routes.get(API, this::api);
        config.routes.get(PAGE, this::page);
        config.routes.get(FRAGMENT, this::fragment);
    }

    /** {@code ?date=YYYY-MM-DD}, one of the test days; the last test day when none is given. */
    private void api(Context ctx) {
        ctx.json(cells.trace(ctx.pathParam("id"), ctx.queryParam("date")));
    }

    private void page(Context ctx) {
        templates.render(ctx, "cell/page.jte", cells.page(ctx.pathParam("id"), ctx.queryParam("date")));
    }

    private void fragment(Context ctx) {
        CellPageView view = cells.page(ctx.pathParam("id"), ctx.queryParam("date"));
        // The address bar follows the picked day, so a reload or a shared link shows the same day.
        ctx.header("HX-Push-Url", view.pageUrl() + "?date=" + view.date());
        templates.render(ctx, "cell/trace.jte", view);
    }
}
