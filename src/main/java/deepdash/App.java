package deepdash;

import deepdash.cnn.CnnPageController;
import deepdash.digits.PredictionController;
import deepdash.digits.PredictionService;
import deepdash.engine.EngineSettings;
import deepdash.engine.GpuAvailability;
import deepdash.engine.MxnetDispatcher;
import deepdash.events.EventHub;
import deepdash.events.EventStreams;
import deepdash.forecast.ForecastController;
import deepdash.forecast.ForecastPageController;
import deepdash.forecast.ForecastService;
import deepdash.forecast.LstmRunChecker;
import deepdash.history.RunsPageController;
import deepdash.json.Json;
import deepdash.model.ModelController;
import deepdash.model.ModelSummaryService;
import deepdash.prices.DatasetController;
import deepdash.prices.DatasetService;
import deepdash.prices.DatasetStore;
import deepdash.runs.JvmWorkerLauncher;
import deepdash.runs.RunConfigValidator;
import deepdash.runs.RunController;
import deepdash.runs.RunExportController;
import deepdash.runs.RunExports;
import deepdash.runs.RunService;
import deepdash.runs.RunStore;
import deepdash.runs.WorkerLauncher;
import deepdash.security.AccessSettings;
import deepdash.security.Security;
import deepdash.web.ErrorMapping;
import deepdash.web.Templates;
import deepdash.web.Uploads;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.Map;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Wires DeepDash by hand: services first, then one controller per feature, all inside
 * {@code Javalin.create}. Tests build it the same way on a free port.
 */
public final class App {

    static final long HEARTBEAT_MILLIS = 10_000;
    /**
     * Javalin's default pool is 8 to 250 threads, 60 s idle, and Jetty lets one idle thread go per
     * idle period. No request holds a thread for long here (event streams hold none), so 100 is
     * plenty; it bounds the burst when a thousand streams end at once (205 threads with 250).
     */
    static final int MIN_JETTY_THREADS = 8;
    static final int MAX_JETTY_THREADS = 100;
    static final int JETTY_THREAD_IDLE_MILLIS = 30_000;

    private final Javalin javalin;
    private final RunService runs;
    private final PredictionService predictions;
    private final MxnetDispatcher mxnet;
    private final EventStreams streams;

    private App(Javalin javalin, RunService runs, PredictionService predictions, MxnetDispatcher mxnet,
            EventStreams streams) {
        this.javalin = javalin;
        this.runs = runs;
        this.predictions = predictions;
        this.mxnet = mxnet;
        this.streams = streams;
    }

    public static App start(AppConfig config) {
        return start(config, new JvmWorkerLauncher(null));
    }

    public static App start(AppConfig config, WorkerLauncher launcher) {
        // First, so that a non-loopback address without a token fails before anything starts.
        AccessSettings access = new AccessSettings(config.host(), config.allowedHosts(), config.token());
        EngineSettings.applyToThisProcess();
        MxnetDispatcher mxnet = new MxnetDispatcher();
        EventHub hub = new EventHub();
        RunStore store = new RunStore(config.runsDir());
        GpuAvailability gpus = new GpuAvailability(mxnet);
        DatasetService datasets = new DatasetService(new DatasetStore(config.datasetsDir()),
                config.maxConcurrentUploads());
        datasets.ensureSample();
        RunService runs = new RunService(store, hub, launcher, config.maxWorkers(), Clock.systemUTC(),
                Map.of("cnn", gpus.checking(RunConfigValidator::validateCnn),
                        "lstm", gpus.checking(new LstmRunChecker(datasets))),
                config.cancelGrace(), config.stallFloor());
        runs.recover();
        ModelSummaryService summaries = new ModelSummaryService(mxnet);
        PredictionService predictions = new PredictionService(mxnet, runs, store,
                PredictionService.DEFAULT_CACHED_MODELS);
        Templates templates = new Templates();

        ModelController models = new ModelController(summaries);
        EventStreams streams = new EventStreams(hub, HEARTBEAT_MILLIS, config.maxStreams());
        RunController runApi = new RunController(runs, streams);
        CnnPageController cnnPage = new CnnPageController(summaries, runs, templates);
        PredictionController digits = new PredictionController(predictions, templates,
                Math.min(config.maxUploadBytes(), PredictionController.DEFAULT_MAX_BODY_BYTES));
        RunExports exports = new RunExports(runs, store);
        RunExportController runExports = new RunExportController(exports);
        RunsPageController runsPage = new RunsPageController(runs, exports, templates, Clock.systemUTC());
        ErrorMapping errors = new ErrorMapping(templates);
        DatasetController datasetApi = new DatasetController(datasets, config.maxUploadBytes());
        ForecastService forecasts = new ForecastService(runs, store);
        ForecastController forecastApi = new ForecastController(forecasts);
        ForecastPageController forecastPage = new ForecastPageController(datasets, summaries, runs, forecasts,
                templates, config.maxUploadBytes());

        Javalin javalin = Javalin.create(c -> {
            Security.register(c, access);
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.jetty.threadPool = jettyThreadPool();
            c.http.maxRequestSize = config.maxUploadBytes();
            // Multipart bodies (CSV uploads) are not covered by maxRequestSize; Javalin's default is unlimited.
            c.jetty.multipartConfig.maxFileSize(config.maxUploadBytes(), SizeUnit.BYTES);
            c.jetty.multipartConfig.maxTotalRequestSize(config.maxUploadBytes() + Uploads.MULTIPART_OVERHEAD_BYTES,
                    SizeUnit.BYTES);
            // File parts go to a temporary file above this size, never into the heap whole.
            c.jetty.multipartConfig.maxInMemoryFileSize(Uploads.MAX_IN_MEMORY_PART_BYTES, SizeUnit.BYTES);
            c.jsonMapper(new JavalinJackson(Json.mapper(), false));
            c.staticFiles.enableWebjars();
            c.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            c.startup.showJavalinBanner = false;
            c.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
            // Browsers ask for /favicon.ico whatever the page says; answer with the SVG one.
            c.routes.get("/favicon.ico", ctx -> ctx.redirect("/static/favicon.svg"));
            models.register(c);
            runApi.register(c);
            cnnPage.register(c);
            digits.register(c);
            datasetApi.register(c);
            forecastApi.register(c);
            forecastPage.register(c);
            runExports.register(c);
            runsPage.register(c);
            errors.register(c);
        });
        javalin.start();
        return new App(javalin, runs, predictions, mxnet, streams);
    }

    /**
     * Jetty evicts at most one idle thread per idle timeout by default, so the threads of a burst
     * stayed for hours (one a minute); here every thread idle for the timeout may go.
     */
    private static QueuedThreadPool jettyThreadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_JETTY_THREADS, MIN_JETTY_THREADS, JETTY_THREAD_IDLE_MILLIS);
        pool.setName("JettyServerThreadPool");
        pool.setMaxEvictCount(MAX_JETTY_THREADS);
        return pool;
    }

    public int port() {
        return javalin.port();
    }

    public void stop() {
        runs.close();
        javalin.stop();
        streams.close();
        // Models are native memory owned by the MXNet thread: close them there, then the thread.
        predictions.close();
        mxnet.close();
    }
}
