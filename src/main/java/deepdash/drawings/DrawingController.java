package deepdash.drawings;

import deepdash.i18n.Text;
import deepdash.web.BadRequestException;
import deepdash.web.FormFields;
import deepdash.web.JsonBodies;
import deepdash.web.Templates;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The personal test set over HTTP: the API the draw page saves to, and the My digits page.
 *
 * <ul>
 *   <li>{@code POST /api/drawings} {@code {"image":"data:image/png;base64,...","label":0..9}}:
 *       201 with the drawing ({@link DrawingJson}, its 28x28 input included).</li>
 *   <li>{@code GET /api/drawings}: every drawing, newest first, without inputs.</li>
 *   <li>{@code GET /api/drawings/{id}}: one drawing with its input; {@code .../image}: its PNG.</li>
 *   <li>{@code PATCH /api/drawings/{id}} {@code {"label":n}}: relabels it; 200 with the drawing.</li>
 *   <li>{@code DELETE /api/drawings/{id}}: 204.</li>
 *   <li>{@code GET /draw/mine}: the page; the fragments it swaps are under {@code /ui/drawings}.</li>
 * </ul>
 */
public final class DrawingController {

    public static final String API = "/api/drawings";
    public static final String API_DRAWING = "/api/drawings/{id}";
    public static final String API_IMAGE = "/api/drawings/{id}/image";
    public static final String PAGE = "/draw/mine";
    public static final String UI_DRAWING = "/ui/drawings/{id}";
    public static final String UI_SCORES = "/ui/drawings/scores";
    /** The event htmx fires on the page after a change, so the score table reloads. */
    public static final String CHANGED_EVENT = "drawings-changed";

    private final DrawingService drawings;
    private final Templates templates;
    private final long maxBodyBytes;

    /**
     * @param maxBodyBytes largest save request accepted, as for a prediction; larger ones get 413
     */
    public DrawingController(DrawingService drawings, Templates templates, long maxBodyBytes) {
        this.drawings = drawings;
        this.templates = templates;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void register(JavalinConfig config) {
        config.routes.post(API, this::save);
        config.routes.get(API, ctx -> ctx.json(drawings.list().drawings().stream()
                .map(d -> DrawingJson.of(d, false)).toList()));
        config.routes.get(API_DRAWING, ctx -> ctx.json(DrawingJson.of(drawings.get(ctx.pathParam("id")), true)));
        config.routes.get(API_IMAGE, this::image);
        config.routes.patch(API_DRAWING, this::relabel);
        config.routes.delete(API_DRAWING, ctx -> {
            drawings.delete(ctx.pathParam("id"));
            ctx.status(204);
        });
        config.routes.get(PAGE, ctx -> templates.render(ctx, "drawings/page.jte", new MyDigitsPageView(grid())));
        config.routes.get(UI_SCORES, this::scores);
        config.routes.patch(UI_DRAWING, this::relabelTile);
        config.routes.delete(UI_DRAWING, this::deleteTile);
    }

    public static String drawingUrl(String id) {
        return API_DRAWING.replace("{id}", id);
    }

    public static String imageUrl(String id) {
        return API_IMAGE.replace("{id}", id);
    }

    public static String tileUrl(String id) {
        return UI_DRAWING.replace("{id}", id);
    }

    private void save(Context ctx) {
        SaveDrawingRequest request = JsonBodies.read(body(ctx), SaveDrawingRequest.class);
        if (request.image() == null || request.image().isBlank()) {
            throw new BadRequestException("image", Text.of("error.drawing.no_image"));
        }
        int label = requiredLabel(request.label());
        Drawing drawing = drawings.save(request.image(), label);
        ctx.status(201);
        ctx.header("Location", drawingUrl(drawing.id()));
        ctx.json(DrawingJson.of(drawing, true));
    }

    private void relabel(Context ctx) {
        RelabelRequest request = JsonBodies.read(body(ctx), RelabelRequest.class);
        ctx.json(DrawingJson.of(drawings.relabel(ctx.pathParam("id"), requiredLabel(request.label())), true));
    }

    private void image(Context ctx) {
        byte[] png = drawings.png(ctx.pathParam("id"));
        ctx.contentType("image/png");
        // A drawing never changes its picture (only its label), so the browser may keep it.
        ctx.header("Cache-Control", "private, max-age=86400");
        ctx.result(png);
    }

    private void scores(Context ctx) {
        DrawingListing listing = drawings.list();
        templates.render(ctx, "drawings/scores.jte",
                new ScoresView(listing.drawings().size(), drawings.scores(listing.drawings())));
    }

    private void relabelTile(Context ctx) {
        Integer label = FormFields.expecting(ctx, "label").optionalInt("label");
        Drawing drawing = drawings.relabel(ctx.pathParam("id"), requiredLabel(label));
        ctx.header("HX-Trigger", CHANGED_EVENT);
        templates.render(ctx, "drawings/tile.jte", new DrawingTileView(drawing));
    }

    private void deleteTile(Context ctx) {
        drawings.delete(ctx.pathParam("id"));
        ctx.header("HX-Trigger", CHANGED_EVENT);
        templates.render(ctx, "drawings/grid.jte", grid());
    }

    private DrawingGridView grid() {
        return new DrawingGridView(drawings.list(), drawings.maxDrawings());
    }

    private static int requiredLabel(Integer label) {
        if (label == null) {
            throw new BadRequestException("label", Text.of("error.drawing.no_label"));
        }
        DrawingService.checkLabel(label);
        return label;
    }

    /** The body, refused by its declared length before it is read, and by its real one after. */
    private String body(Context ctx) {
        long declaredBytes = ctx.req().getContentLengthLong();
        if (declaredBytes > maxBodyBytes) {
            throw tooLarge(declaredBytes);
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > maxBodyBytes) {
            throw tooLarge(body.length);
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private BadRequestException tooLarge(long bodyBytes) {
        return new BadRequestException(413, "body", Text.of("error.drawing.too_large",
                String.format(Locale.US, "%,d", bodyBytes), String.format(Locale.US, "%,d", maxBodyBytes)));
    }
}
