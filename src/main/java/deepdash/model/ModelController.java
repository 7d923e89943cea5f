package deepdash.model;

import deepdash.web.BadRequestException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/** {@code GET /api/models/cnn/summary} and {@code GET /api/models/lstm/summary?window=5}. */
public final class ModelController {

    public static final String CNN_SUMMARY = "/api/models/cnn/summary";
    public static final String LSTM_SUMMARY = "/api/models/lstm/summary";
    public static final int DEFAULT_LSTM_WINDOW = 5;

    private final ModelSummaryService summaries;

    public ModelController(ModelSummaryService summaries) {
        this.summaries = summaries;
    }

    public void register(JavalinConfig config) {
        config.routes.get(CNN_SUMMARY, this::cnnSummary);
        config.routes.get(LSTM_SUMMARY, this::lstmSummary);
    }

    private void cnnSummary(Context ctx) {
        ctx.json(summaries.cnn());
    }

    private void lstmSummary(Context ctx) {
        ctx.json(summaries.lstm(lstmWindow(ctx.queryParam("window"))));
    }

    /** The {@code window} query parameter, 5 when absent; anything else is a 400 naming it. */
    public static int lstmWindow(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LSTM_WINDOW;
        }
        int window;
        try {
            window = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("window", "must be a whole number of days, got \"" + value + "\"");
        }
        if (window < ModelSummaryService.MIN_WINDOW || window > ModelSummaryService.MAX_WINDOW) {
            throw new BadRequestException("window", "must be between " + ModelSummaryService.MIN_WINDOW + " and "
                    + ModelSummaryService.MAX_WINDOW + " days, got " + window);
        }
        return window;
    }
}
