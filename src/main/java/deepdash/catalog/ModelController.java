package deepdash.catalog;

import deepdash.model.ModelRegistry;
import deepdash.model.ModelSpec;
import deepdash.model.SeriesSettings;
import deepdash.web.BadRequestException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;

/**
 * The model catalog: {@code GET /api/models} lists every model of the registry, and
 * {@code GET /api/models/{name}/summary} gives one's layers with the arithmetic of each count
 * ({@code ?window=} for series models; 5 when absent).
 */
public final class ModelController {

    public static final String MODELS = "/api/models";
    public static final String SUMMARY = "/api/models/{name}/summary";

    private final ModelRegistry models;
    private final ModelSummaryService summaries;

    public ModelController(ModelRegistry models, ModelSummaryService summaries) {
        this.models = models;
        this.summaries = summaries;
    }

    public static String summaryPath(String name) {
        return SUMMARY.replace("{name}", name);
    }

    public void register(JavalinConfig config) {
        config.routes.get(MODELS, ctx -> ctx.json(list()));
        config.routes.get(SUMMARY, this::summary);
    }

    private List<ModelInfo> list() {
        return models.all().stream().map(spec -> ModelInfo.of(spec, summaryPath(spec.name()))).toList();
    }

    private void summary(Context ctx) {
        String name = ctx.pathParam("name");
        ModelSpec spec = models.find(name).orElseThrow(() -> new NotFoundResponse("no model named \"" + name
                + "\"; the models are " + String.join(", ", models.names())));
        int window = spec.task().hasWindow() ? window(ctx.queryParam("window")) : 0;
        ctx.json(summaries.summary(spec, window));
    }

    /** The {@code window} query parameter, 5 when absent; anything else is a 400 naming it. */
    public static int window(String value) {
        if (value == null || value.isBlank()) {
            return SeriesSettings.DEFAULT_WINDOW;
        }
        int window;
        try {
            window = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("window", "must be a whole number of days, got \"" + value + "\"");
        }
        if (window < SeriesSettings.MIN_WINDOW || window > SeriesSettings.MAX_WINDOW) {
            throw new BadRequestException("window", "must be between " + SeriesSettings.MIN_WINDOW + " and "
                    + SeriesSettings.MAX_WINDOW + " days, got " + window);
        }
        return window;
    }
}
