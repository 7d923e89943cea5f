package deepdash.forecast;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/** {@code GET /api/runs/{id}/forecast}: a forecasting run's {@code forecast.json}, 404 until it exists. */
public final class ForecastController {

    public static final String FORECAST = "/api/runs/{id}/forecast";

    private final ForecastService forecasts;

    public ForecastController(ForecastService forecasts) {
        this.forecasts = forecasts;
    }

    public void register(JavalinConfig config) {
        config.routes.get(FORECAST, this::forecast);
    }

    private void forecast(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(forecasts.forecast(id).orElseThrow(() -> new NotFoundResponse(forecasts.whyNoForecast(id))));
    }
}
