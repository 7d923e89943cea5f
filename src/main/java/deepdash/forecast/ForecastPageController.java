package deepdash.forecast;

import deepdash.catalog.ModelController;
import deepdash.catalog.ModelSummaryService;
import deepdash.errors.UserError;
import deepdash.i18n.Text;
import deepdash.model.InvalidRunConfigException;
import deepdash.model.ModelRegistry;
import deepdash.model.ModelSpec;
import deepdash.model.SeriesSettings;
import deepdash.model.Task;
import deepdash.prices.DatasetDetail;
import deepdash.prices.DatasetInfo;
import deepdash.prices.DatasetService;
import deepdash.prices.ParsedPrices;
import deepdash.protocol.RunConfig;
import deepdash.runs.RunPanelView;
import deepdash.runs.RunService;
import deepdash.runs.RunView;
import deepdash.series.DefaultRange;
import deepdash.series.Recipe;
import deepdash.web.BadRequestException;
import deepdash.web.FormFields;
import deepdash.web.Templates;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * The Forecast page: pick or upload a price CSV, see what was read, train one of the forecasting
 * models of the registry (the seed's LSTM first) live, then compare its forecast with the real
 * prices and with "tomorrow = today". Each route returns the fragment htmx swaps in; the full page
 * is built from the same fragments.
 */
public final class ForecastPageController {

    public static final String PAGE = "/forecast";
    /** {@code /forecast?from=<run id>}: the form filled in with that run's dataset, model and settings. */
    public static final String FROM_PARAM = "from";
    public static final String DATASET_PANEL = "/ui/forecast/dataset";
    public static final String UPLOAD = "/ui/forecast/datasets";
    public static final String START_RUN = "/ui/forecast/runs";
    public static final String RESULT = "/ui/forecast/runs/{id}/result";
    public static final String SUMMARY = "/ui/forecast/summary";
    /** PATCH (form field {@code name}) renames the dataset, DELETE deletes it; both answer the dataset panel. */
    public static final String MANAGE_DATASET = "/ui/forecast/datasets/{id}";

    private final DatasetService datasets;
    private final ModelSummaryService summaries;
    private final RunService runs;
    private final ForecastService forecasts;
    private final ModelRegistry models;
    private final Templates templates;
    private final long maxUploadBytes;

    public ForecastPageController(DatasetService datasets, ModelSummaryService summaries, RunService runs,
            ForecastService forecasts, ModelRegistry models, Templates templates, long maxUploadBytes) {
        this.datasets = datasets;
        this.summaries = summaries;
        this.runs = runs;
        this.forecasts = forecasts;
        this.models = models;
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
        config.routes.patch(MANAGE_DATASET, this::renameDataset);
        config.routes.delete(MANAGE_DATASET, this::deleteDataset);
    }

    public static String manageDatasetPath(String id) {
        return MANAGE_DATASET.replace("{id}", id);
    }

    private void renameDataset(Context ctx) {
        String id = ctx.pathParam("id");
        datasets.rename(id, ctx.formParam("name")).orElseThrow(() -> DatasetController.notFound(id));
        templates.render(ctx, "prices/dataset.jte", panel(id, datasets.list()));
    }

    /** Deletes the dataset and shows the next one (an upload before the sample), as the page would. */
    private void deleteDataset(Context ctx) {
        String id = ctx.pathParam("id");
        if (!datasets.delete(id)) {
            throw DatasetController.notFound(id);
        }
        List<DatasetInfo> all = datasets.list();
        DatasetInfo next = all.stream().filter(info -> !DatasetService.SAMPLE_ID.equals(info.id())).findFirst()
                .or(() -> all.stream().findFirst())
                .orElseThrow(() -> DatasetController.notFound(DatasetService.SAMPLE_ID));
        templates.render(ctx, "prices/dataset.jte", panel(next.id(), all));
    }

    private void page(Context ctx) {
        List<DatasetInfo> all = datasets.list();
        RunView latest = forecasts.latestRun().orElse(null);
        ForecastResultView result = latest == null ? null : forecasts.result(latest.id()).orElse(null);
        RunPanelView latestPanel = latest == null ? null : RunPanelView.of(latest, models);
        String from = ctx.queryParam(FROM_PARAM);
        if (from != null && !from.isBlank()) {
            // "Train again with these settings": that run's dataset, model and settings in the form.
            RunView source = runs.view(from.trim());
            ModelSpec model = models.find(source.model()).filter(spec -> spec.task() == Task.SERIES_FORECAST)
                    .orElseThrow(() -> new BadRequestException(FROM_PARAM,
                            Text.of("error.again.not_forecaster", source.id(), source.model())));
            SeriesSettings settings = (SeriesSettings) models.settings(source.config());
            if (settings.dataset() == null || datasets.find(settings.dataset()).isEmpty()) {
                throw new UserError(404, FROM_PARAM, Text.of("error.again.dataset_gone", source.id(), settings.dataset()));
            }
            DatasetPanelView panel = panel(settings.dataset(), all, model.name(), settings);
            templates.render(ctx, "prices/page.jte", new ForecastPageView(summaries.summary(model,
                    panel.defaults().window()), panel, latestPanel, result, maxUploadBytes, source.id()));
            return;
        }
        DatasetPanelView panel = all.stream()
                .filter(info -> !DatasetService.SAMPLE_ID.equals(info.id()))
                .findFirst()
                .or(() -> all.stream().findFirst())
                .map(info -> panel(info.id(), all))
                .orElse(null);
        templates.render(ctx, "prices/page.jte", new ForecastPageView(
                summaries.summary(defaultModel(), SeriesSettings.DEFAULT_WINDOW), panel, latestPanel, result,
                maxUploadBytes));
    }

    private void datasetPanel(Context ctx) {
        String id = ctx.queryParam("id");
        if (datasets.find(id).isEmpty()) {
            throw DatasetController.notFound(id);
        }
        templates.render(ctx, "prices/dataset.jte", panel(id, datasets.list()));
    }

    private void upload(Context ctx) throws Exception {
        DatasetInfo info = DatasetController.receiveUpload(ctx, datasets, maxUploadBytes);
        ctx.status(201);
        templates.render(ctx, "prices/uploaded.jte", panel(info.id(), datasets.list()));
    }

    private void startRun(Context ctx) {
        FormFields form = FormFields.expecting(ctx, "model", "epochs", "batchSize", "learningRate", "device",
                "dataset", "target", "window", "from", "to", "splitDate", "recipe", "horizon");
        ModelSpec model = forecastingModel(form.optionalText("model"));
        SeriesSettings requested = new SeriesSettings(form.optionalInt("epochs"), form.optionalInt("batchSize"),
                form.optionalDouble("learningRate"), form.optionalText("device"), form.optionalText("dataset"),
                form.optionalText("target"), form.optionalInt("window"), form.optionalText("from"),
                form.optionalText("to"), form.optionalText("splitDate"), form.optionalText("recipe"),
                form.optionalInt("horizon"));
        RunView run = runs.create(RunConfig.of(model.name(), requested));
        ctx.status(202);
        templates.render(ctx, "prices/started.jte", RunPanelView.of(run, models));
    }

    private void result(Context ctx) {
        String id = ctx.pathParam("id");
        ForecastResultView result = forecasts.result(id)
                .orElseThrow(() -> forecasts.noForecast(id));
        templates.render(ctx, "prices/result.jte", result);
    }

    /** {@code ?model=&window=&recipe=}: the form's model at the form's window, with its recipe's head. */
    private void summary(Context ctx) {
        ModelSpec model = forecastingModel(ctx.queryParam("model"));
        int window = ModelController.window(ctx.queryParam("window"));
        String recipe = ctx.queryParam("recipe");
        if (recipe == null || recipe.isBlank()) {
            templates.render(ctx, "model/summary.jte", summaries.summary(model, window));
            return;
        }
        if (Recipe.byWireName(recipe.trim()).isEmpty()) {
            throw new InvalidRunConfigException("recipe", Text.of("error.settings.one_of", Recipe.wireNames(), recipe));
        }
        SeriesSettings settings = new SeriesSettings(null, null, null, null, null, null, window, null, null, null,
                recipe.trim(), null);
        templates.render(ctx, "model/summary.jte", summaries.summary(model, settings, window));
    }

    private DatasetPanelView panel(String id, List<DatasetInfo> all) {
        return panel(id, all, defaultModel().name(), null);
    }

    /** @param chosen settings that replace the dataset's defaults where they are set; null for none */
    private DatasetPanelView panel(String id, List<DatasetInfo> all, String selected, SeriesSettings chosen) {
        DatasetDetail detail = datasets.detail(id).orElseThrow(() -> DatasetController.notFound(id));
        ParsedPrices prices = datasets.prices(id).orElseThrow(() -> DatasetController.notFound(id));
        List<ModelOption> options = models.byTask(Task.SERIES_FORECAST).stream()
                .map(spec -> new ModelOption(spec.name(), spec.title(), spec.name().equals(selected)))
                .toList();
        SeriesSettings defaults = SeriesSettings.defaultsFor(id, prices);
        if (chosen != null) {
            defaults = new SeriesSettings(or(chosen.epochs(), defaults.epochs()),
                    or(chosen.batchSize(), defaults.batchSize()), or(chosen.learningRate(), defaults.learningRate()),
                    or(chosen.device(), defaults.device()), id, or(chosen.target(), defaults.target()),
                    or(chosen.window(), defaults.window()), or(chosen.from(), defaults.from()),
                    or(chosen.to(), defaults.to()), or(chosen.splitDate(), defaults.splitDate()),
                    or(chosen.recipe(), defaults.recipe()), or(chosen.horizon(), defaults.horizon()));
        }
        return new DatasetPanelView(detail, all, defaults, options, DefaultRange.of(prices.dates()).rule());
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** The first forecasting model of the registry: the seed's. */
    private ModelSpec defaultModel() {
        return models.byTask(Task.SERIES_FORECAST).get(0);
    }

    /** The named forecasting model, or the default one when none is named. */
    private ModelSpec forecastingModel(String name) {
        if (name == null || name.isBlank()) {
            return defaultModel();
        }
        return models.find(name.trim()).filter(spec -> spec.task() == Task.SERIES_FORECAST)
                .orElseThrow(() -> new InvalidRunConfigException("model", Text.of("error.forecast.not_forecaster", name,
                        String.join(", ", models.byTask(Task.SERIES_FORECAST).stream().map(ModelSpec::name).toList()))));
    }
}
