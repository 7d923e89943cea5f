package deepdash.forecast;

import deepdash.model.ModelController;
import deepdash.model.ModelSummaryService;
import deepdash.prices.DatasetController;
import deepdash.prices.DatasetDetail;
import deepdash.prices.DatasetInfo;
import deepdash.prices.DatasetService;
import deepdash.prices.ParsedPrices;
import deepdash.protocol.RunConfig;
import deepdash.runs.InvalidRunConfigException;
import deepdash.runs.RunPanelView;
import deepdash.runs.RunService;
import deepdash.runs.RunView;
import deepdash.web.FormFields;
import deepdash.web.Templates;
import deepdash.web.Uploads;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;

/**
 * The Forecast page: pick or upload a price CSV, see what was read, train the seed's LSTM live,
 * then compare its forecast with the real prices and with "tomorrow = today". Each route returns
 * the fragment htmx swaps in; the full page is built from the same fragments.
 */
public final class ForecastPageController {

    public static final String PAGE = "/forecast";
    public static final String DATASET_PANEL = "/ui/forecast/dataset";
    public static final String UPLOAD = "/ui/forecast/datasets";
    public static final String START_RUN = "/ui/forecast/runs";
    public static final String RESULT = "/ui/forecast/runs/{id}/result";
    public static final String SUMMARY = "/ui/forecast/summary";

    private final DatasetService datasets;
    private final ModelSummaryService summaries;
    private final RunService runs;
    private final ForecastService forecasts;
    private final Templates templates;
    private final long maxUploadBytes;

    public ForecastPageController(DatasetService datasets, ModelSummaryService summaries, RunService runs,
            ForecastService forecasts, Templates templates, long maxUploadBytes) {
        this.datasets = datasets;
        this.summaries = summaries;
        this.runs = runs;
        this.forecasts = forecasts;
        this.templates = templates;
        this.maxUploadBytes = maxUploadBytes;
    }

    public void register(JavalinConfig config) {
        config.routes.get(PAGE, this::page);
        config.routes.get(DATASET_PANEL, this::datasetPanel);
        config.routes.post(UPLOAD, this::upload);
        config.routes.post(START_RUN, this::startRun);
        config.routes.get(RESULT, this::result);
        config.routes.get(SUMMARY, this::summary);
    }

    private void page(Context ctx) {
        List<DatasetInfo> all = datasets.list();
        DatasetPanelView panel = all.stream()
                .filter(info -> !DatasetService.SAMPLE_ID.equals(info.id()))
                .findFirst()
                .or(() -> all.stream().findFirst())
                .map(info -> panel(info.id(), all))
                .orElse(null);
        RunView latest = forecasts.latestRun().orElse(null);
        ForecastResultView result = latest == null ? null
                : forecasts.forecast(latest.id()).map(f -> new ForecastResultView(latest.id(), f)).orElse(null);
        templates.render(ctx, "prices/page.jte", new ForecastPageView(
                summaries.lstm(LstmRunSettings.DEFAULT_WINDOW), panel, latest, result, maxUploadBytes));
    }

    private void datasetPanel(Context ctx) {
        String id = ctx.queryParam("id");
        if (datasets.find(id).isEmpty()) {
            throw DatasetController.notFound(id);
        }
        templates.render(ctx, "prices/dataset.jte", panel(id, datasets.list()));
    }

    private void upload(Context ctx) throws Exception {
        Uploads.Upload upload = Uploads.read(ctx, DatasetController.FILE_FIELD, maxUploadBytes);
        DatasetInfo info = datasets.upload(upload.fileName(), upload.content());
        ctx.status(201);
        templates.render(ctx, "prices/uploaded.jte", panel(info.id(), datasets.list()));
    }

    private void startRun(Context ctx) {
        FormFields form = new FormFields(ctx);
        RunConfig requested = new RunConfig(LstmRunSettings.MODEL, form.optionalInt("epochs"),
                form.optionalInt("batchSize"), form.optionalDouble("learningRate"), null, form.optionalText("device"),
                form.optionalText("dataset"), form.optionalText("target"), form.optionalInt("window"),
                form.optionalText("from"), form.optionalText("to"), form.optionalText("splitDate"));
        RunView run = runs.create(requested);
        ctx.status(202);
        templates.render(ctx, "prices/started.jte", new RunPanelView(run));
    }

    private void result(Context ctx) {
        String id = ctx.pathParam("id");
        Forecast forecast = forecasts.forecast(id)
                .orElseThrow(() -> new NotFoundResponse(forecasts.whyNoForecast(id)));
        templates.render(ctx, "prices/result.jte", new ForecastResultView(id, forecast));
    }

    private void summary(Context ctx) {
        int window = ModelController.lstmWindow(ctx.queryParam("window"));
        templates.render(ctx, "model/summary.jte", summaries.lstm(window));
    }

    private DatasetPanelView panel(String id, List<DatasetInfo> all) {
        DatasetDetail detail = datasets.detail(id).orElseThrow(() -> DatasetController.notFound(id));
        ParsedPrices prices = datasets.prices(id).orElseThrow(() -> DatasetController.notFound(id));
        return new DatasetPanelView(detail, all, defaults(id, prices));
    }

    /** What a run on this dataset gets when the form is left alone; the whole range when even that is refused. */
    private static RunConfig defaults(String id, ParsedPrices prices) {
        RunConfig blank = new RunConfig(LstmRunSettings.MODEL, null, null, null, null, null, id, null, null, null,
                null, null);
        try {
            return LstmRunSettings.resolve(blank, prices).config();
        } catch (InvalidRunConfigException tooShort) {
            // The form still opens; pressing Train then shows the counts.
            return new RunConfig(LstmRunSettings.MODEL, LstmRunSettings.DEFAULT_EPOCHS,
                    LstmRunSettings.DEFAULT_BATCH_SIZE, LstmRunSettings.DEFAULT_LEARNING_RATE, null, "auto", id,
                    prices.defaultTarget(), LstmRunSettings.DEFAULT_WINDOW, prices.from().toString(),
                    prices.to().toString(), LstmRunSettings.defaultSplitDate(prices.dates()).toString());
        }
    }
}
