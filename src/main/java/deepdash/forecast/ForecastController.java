package deepdash.forecast;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * {@code GET /api/runs/{id}/forecast}: a forecasting run's {@code forecast.json}, 404 until it exists;
 * {@code GET /api/runs/{id}/forecast.csv}: the same test days as CSV (date, actual, predicted, naive).
 */
public final class ForecastController {

    public static final String FORECAST = "/api/runs/{id}/forecast";
    public static final String FORECAST_CSV = "/api/runs/{id}/forecast.csv";

    private final ForecastService forecasts;

    public ForecastController(ForecastService forecasts) {
        this.forecasts = forecasts;
    }

    public void register(JavalinConfig config) {
        config.routes.get(FORECAST, this::forecast);
        config.routes.get(FORECAST_CSV, this::forecastCsv);
    }

    public static String forecastCsvPath(String id) {
        return FORECAST_CSV.replace("{id}", id);
    }

    private void forecastCsv(Context ctx) {
        String id = ctx.pathParam("id");
        String csv = ForecastCsv.write(forecasts.forecast(id)
                .orElseThrow(() -> forecasts.noForecast(id)));
        // Ids are [a-z0-9-] (RunFolder.isValidId), so the name needs no quoting beyond the quotes.
        ctx.header("Content-Disposition", "attachment; filename=\"" + id + "-forecast.csv\"");
        ctx.contentType(ForecastCsv.CONTENT_TYPE).result(csv);
    }

    private void forecast(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(forecasts.forecast(id).orElseThrow(() -> forecasts.noForecast(id)));
    }
}
