package deepdash.mistakes;

import deepdash.digits.PredictionService;
import deepdash.evaluation.ImagePrediction;
import deepdash.evaluation.PredictionSet;
import deepdash.i18n.Messages;
import deepdash.web.BadRequestException;
import deepdash.web.RequestLanguage;
import deepdash.web.Templates;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * What a model gets wrong, as JSON and as page fragments.
 *
 * <ul>
 *   <li>{@code GET /api/runs/{id}/evaluation[?set=test|personal]}: {@link Evaluation}.</li>
 *   <li>{@code GET /api/runs/{id}/evaluation/images?actual=&predicted=&limit=&offset=}: the test
 *       images behind one cell, {@code {"total","offset","limit","items":[ImagePrediction]}}.</li>
 *   <li>{@code GET /api/runs/{id}/mistakes?limit=&offset=}: the wrong ones, most confident first, same shape.</li>
 *   <li>{@code GET /ui/runs/{id}/evaluation} and {@code .../evaluation/images}: the fragments.</li>
 *   <li>{@code GET /evaluation/{id}}: a page of its own, the only one the shipped model has.</li>
 * </ul>
 *
 * <p>The id is a run id or {@code shipped-cnn}.
 */
public final class EvaluationController {

    public static final String EVALUATION = "/api/runs/{id}/evaluation";
    public static final String IMAGES = "/api/runs/{id}/evaluation/images";
    public static final String MISTAKES = "/api/runs/{id}/mistakes";
    public static final String FRAGMENT = "/ui/runs/{id}/evaluation";
    public static final String CELL_FRAGMENT = "/ui/runs/{id}/evaluation/images";
    public static final String PAGE = "/evaluation/{id}";
    /** The largest {@code limit} a request may ask for. */
    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;
    /** Images per cell fragment, and mistakes in the gallery. */
    static final int CELL_PAGE_IMAGES = 40;
    static final int GALLERY_IMAGES = 24;
    /** DOM ids the fragments and evaluation.js share. */
    public static final String CELL_TARGET_ID = "evaluation-cell";

    private final EvaluationService evaluations;
    private final Templates templates;

    public EvaluationController(EvaluationService evaluations, Templates templates) {
        this.evaluations = evaluations;
        this.templates = templates;
    }

    public static String evaluationPath(String id) {
        return EVALUATION.replace("{id}", id);
    }

    public static String mistakesPath(String id) {
        return MISTAKES.replace("{id}", id);
    }

    public static String fragmentPath(String id) {
        return FRAGMENT.replace("{id}", id);
    }

    public static String pagePath(String id) {
        return PAGE.replace("{id}", id);
    }

    public static String cellFragmentPath(String id, int actual, int predicted, int offset) {
        return CELL_FRAGMENT.replace("{id}", id) + "?actual=" + actual + "&predicted=" + predicted
                + (offset == 0 ? "" : "&offset=" + offset);
    }

    public void register(JavalinConfig config) {
        config.routes.get(EVALUATION, this::evaluation);
        config.routes.get(IMAGES, this::images);
        config.routes.get(MISTAKES, this::mistakes);
        config.routes.get(FRAGMENT, this::fragment);
        config.routes.get(CELL_FRAGMENT, this::cellFragment);
        config.routes.get(PAGE, this::page);
    }

    private void evaluation(Context ctx) {
        EvaluationSet set = EvaluationSet.parse(ctx.queryParam(EvaluationSet.PARAM));
        ctx.json(evaluations.evaluation(ctx.pathParam("id"), set));
    }

    private void images(Context ctx) {
        int actual = QueryParams.required(ctx, "actual", 0, 9);
        int predicted = QueryParams.required(ctx, "predicted", 0, 9);
        ctx.json(evaluations.cell(ctx.pathParam("id"), actual, predicted, offset(ctx), limit(ctx)));
    }

    private void mistakes(Context ctx) {
        ctx.json(evaluations.mistakes(ctx.pathParam("id"), offset(ctx), limit(ctx)));
    }

    private void fragment(Context ctx) {
        String id = ctx.pathParam("id");
        Evaluation evaluation = evaluations.evaluation(id, EvaluationSet.TEST);
        PredictionSet.Page mistakes = evaluations.mistakes(id, 0, GALLERY_IMAGES);
        templates.render(ctx, "mistakes/evaluation.jte", new EvaluationView(evaluation, tiles(mistakes.items(), id),
                mistakes.total()));
    }

    private void cellFragment(Context ctx) {
        String id = ctx.pathParam("id");
        int actual = QueryParams.required(ctx, "actual", 0, 9);
        int predicted = QueryParams.required(ctx, "predicted", 0, 9);
        int offset = offset(ctx);
        PredictionSet.Page page = evaluations.cell(id, actual, predicted, offset, CELL_PAGE_IMAGES);
        int next = offset + page.items().size();
        templates.render(ctx, "mistakes/cell.jte", new CellImagesView(id, actual, predicted, page.total(), offset,
                tiles(page.items(), id), next < page.total() ? cellFragmentPath(id, actual, predicted, next) : null));
    }

    private void page(Context ctx) {
        String id = ctx.pathParam("id");
        // Checks the id before rendering, so an unknown one is a 404 page, not a page that fails to load.
        evaluations.checkModel(id);
        Messages t = RequestLanguage.messages(ctx);
        String title = PredictionService.SHIPPED_MODEL_ID.equals(id) ? t.get("evaluation.titleShipped")
                : t.get("evaluation.titleRun", id);
        templates.render(ctx, "mistakes/page.jte", new EvaluationPageView(id, title));
    }

    private List<ImageTile> tiles(List<ImagePrediction> items, String modelId) {
        return items.stream().map(item -> ImageTile.of(item, evaluations.testImageBytes(item.index()), modelId))
                .toList();
    }

    private static int offset(Context ctx) {
        return QueryParams.optional(ctx, "offset", 0, Integer.MAX_VALUE, 0);
    }

    private static int limit(Context ctx) {
        return QueryParams.optional(ctx, "limit", 0, MAX_LIMIT, DEFAULT_LIMIT);
    }
}
