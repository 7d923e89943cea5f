package deepdash.runs;

import deepdash.errors.UserError;
import deepdash.i18n.Text;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/** Downloads of a run: {@code metrics.csv} and the trained model as a zip. */
public final class RunExportController {

    public static final String METRICS_CSV = "/api/runs/{id}/metrics.csv";
    public static final String MODEL_ZIP = "/api/runs/{id}/model";

    private final RunExports exports;

    public RunExportController(RunExports exports) {
        this.exports = exports;
    }

    public static String metricsCsvPath(String id) {
        return METRICS_CSV.replace("{id}", id);
    }

    public static String modelZipPath(String id) {
        return MODEL_ZIP.replace("{id}", id);
    }

    public void register(JavalinConfig config) {
        config.routes.get(METRICS_CSV, this::metricsCsv);
        config.routes.get(MODEL_ZIP, this::modelZip);
    }

    private void metricsCsv(Context ctx) {
        String id = ctx.pathParam("id");
        String csv = exports.metricsCsv(id);
        attachment(ctx, id + "-metrics.csv");
        ctx.contentType(MetricsCsv.CONTENT_TYPE).result(csv);
    }

    private void modelZip(Context ctx) {
        String id = ctx.pathParam("id");
        byte[] zip = exports.modelZip(id).orElseThrow(() -> UserError.notFound("id",
                Text.of("error.run.no_saved_model", id)));
        attachment(ctx, id + "-model.zip");
        ctx.contentType("application/zip").result(zip);
    }

    /** Ids are [a-z0-9-], so the file name needs no quoting beyond the quotes themselves. */
    private static void attachment(Context ctx, String fileName) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }
}
