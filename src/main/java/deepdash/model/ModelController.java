package deepdash.model;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/** {@code GET /api/models/cnn/summary}. */
public final class ModelController {

    public static final String CNN_SUMMARY = "/api/models/cnn/summary";

    private final ModelSummaryService summaries;

    public ModelController(ModelSummaryService summaries) {
        this.summaries = summaries;
    }

    public void register(JavalinConfig config) {
        config.routes.get(CNN_SUMMARY, this::cnnSummary);
    }

    private void cnnSummary(Context ctx) {
        ctx.json(summaries.cnn());
    }
}
