package deepdash.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import deepdash.errors.UserError;
import deepdash.i18n.Text;
import deepdash.json.Json;
import deepdash.model.ModelRegistry;
import deepdash.model.ModelSettings;
import deepdash.model.ModelSpec;
import deepdash.model.SeriesSettings;
import deepdash.prices.DatasetSource;
import deepdash.prices.ParsedPrices;
import deepdash.protocol.RunConfig;
import deepdash.web.BadRequestException;
import deepdash.web.JsonBodies;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The model catalog: {@code GET /api/models} lists every model of the registry, and
 * {@code GET /api/models/{name}/summary} gives one's layers with the arithmetic of each count
 * ({@code ?window=} for series models; 5 when absent). {@code POST} to the same path with an
 * architecture object gives the summary of that architecture (the CNN's is editable).
 */
public final class ModelController {

    public static final String MODELS = "/api/models";
    public static final String SUMMARY = "/api/models/{name}/summary";

    /** The run setting a posted architecture stands for. */
    static final String ARCHITECTURE = "architecture";
    /** A posted architecture names no dataset; a model whose settings need one refuses it before asking. */
    private static final DatasetSource NO_DATASETS = new DatasetSource() {
        @Override
        public Optional<ParsedPrices> prices(String id) {
            return Optional.empty();
        }

        @Override
        public Path originalFile(String id) {
            return null;
        }
    };

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
        config.routes.post(SUMMARY, this::editedSummary);
    }

    private List<ModelInfo> list() {
        return models.all().stream().map(spec -> ModelInfo.of(spec, summaryPath(spec.name()))).toList();
    }

    private ModelSpec spec(Context ctx) {
        String name = ctx.pathParam("name");
        return models.find(name).orElseThrow(() -> UserError.notFound("name",
                Text.of("error.model.not_found", name, String.join(", ", models.names()))));
    }

    private void summary(Context ctx) {
        ModelSpec spec = spec(ctx);
        int window = spec.task().hasWindow() ? window(ctx.queryParam("window")) : 0;
        ctx.json(summaries.summary(spec, window));
    }

    /**
     * The summary of an edited architecture, the JSON body (for the CNN: the {@code architecture}
     * object of its run settings). It is read as that setting of a run would be, so the same value is
     * refused with the same message here and when training: a 400 naming the field
     * ({@code architecture.blocks[2].kernel}) and, for a layer that does not fit, the layer.
     */
    private void editedSummary(Context ctx) {
        ModelSpec spec = spec(ctx);
        ObjectNode settings = Json.mapper().createObjectNode();
        settings.set(ARCHITECTURE, JsonBodies.read(ctx, ObjectNode.class));
        ModelSettings checked = spec.read(new RunConfig(spec.name(), settings)).check(NO_DATASETS);
        int window = spec.task().hasWindow() ? window(ctx.queryParam("window")) : 0;
        ctx.json(summaries.summary(spec, checked, window));
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
            throw new BadRequestException("window", Text.of("error.window.whole_days", value));
        }
        if (window < SeriesSettings.MIN_WINDOW || window > SeriesSettings.MAX_WINDOW) {
            throw new BadRequestException("window", Text.of("error.window.range", SeriesSettings.MIN_WINDOW,
                    SeriesSettings.MAX_WINDOW, window));
        }
        return window;
    }
}
