package deepdash;

import deepdash.catalog.ModelController;
import deepdash.cell.CellController;
import deepdash.cnn.CnnPageController;
import deepdash.coach.CoachController;
import deepdash.coach.CoachService;
import deepdash.coach.CureController;
import deepdash.coach.CureService;
import deepdash.digits.PredictionController;
import deepdash.drawings.DrawingController;
import deepdash.events.EventStreams;
import deepdash.explore.ExploreController;
import deepdash.explore.ImageInspector;
import deepdash.forecast.DatasetController;
import deepdash.forecast.ForecastController;
import deepdash.forecast.ForecastPageController;
import deepdash.history.RunsPageController;
import deepdash.json.Json;
import deepdash.mistakes.EvaluationController;
import deepdash.runs.RunController;
import deepdash.runs.RunExportController;
import deepdash.runs.WorkerLauncher;
import deepdash.security.AccessSettings;
import deepdash.security.Security;
import deepdash.web.ClasspathFiles;
import deepdash.web.ErrorMapping;
import deepdash.web.RequestLanguage;
import deepdash.web.Uploads;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Builds DeepDash from its services ({@link AppServices}): one controller per feature, all inside
 * {@code Javalin.create}. {@link #create} does not start anything, so a test can build the app
 * from services of its own; {@link #start()} loads the runs and listens.
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
    private final AppServices services;
    private final EventStreams streams;

    /** Done when the data directory has been read at start-up: until then requests wait for it. */
    private final CompletableFuture<Void> dataRead;

    private App(Javalin javalin, AppServices services, EventStreams streams, CompletableFuture<Void> dataRead) {
        this.javalin = javalin;
        this.services = services;
        this.streams = streams;
        this.dataRead = dataRead;
    }

    /** The real app, started. */
    public static App start(AppConfig config) {
        return create(config, AppServices.standard(config)).start();
    }

    /** The real app with another worker launcher, started. */
    public static App start(AppConfig config, WorkerLauncher launcher) {
        return create(config, AppServices.builder(config).launcher(launcher).build()).start();
    }

    /** The app on these services, not started. */
    public static App create(AppConfig config, AppServices services) {
        // First, so that a non-loopback address without a token fails before anything is built on it.
        AccessSettings access = new AccessSettings(config.host(), config.allowedHosts(), config.token());
        EventStreams streams = new EventStreams(services.hub(), HEARTBEAT_MILLIS, config.maxStreams());
        ModelController models = new ModelController(services.models(), services.summaries());
        RunController runApi = new RunController(services.runs(), streams, services.templates());
        CnnPageController cnnPage = new CnnPageController(services.summaries(), services.runs(), services.models(),
                services.templates());
        PredictionController digits = new PredictionController(services.predictions(), services.templates(),
                Math.min(config.maxUploadBytes(), PredictionController.DEFAULT_MAX_BODY_BYTES));
        DrawingController drawings = new DrawingController(services.drawings(), services.templates(),
                Math.min(config.maxUploadBytes(), PredictionController.DEFAULT_MAX_BODY_BYTES));
        RunExportController runExports = new RunExportController(services.exports());
        RunsPageController runsPage = new RunsPageController(services.runs(), services.exports(), services.models(),
                services.templates(), services.clock());
        EvaluationController evaluations = new EvaluationController(services.evaluations(), services.templates());
        ErrorMapping errors = new ErrorMapping(services.templates());
        DatasetController datasetApi = new DatasetController(services.datasets(), config.maxUploadBytes());
        ForecastController forecastApi = new ForecastController(services.forecasts());
        CoachController coach = new CoachController(new CoachService(services.runs(), services.forecasts()::forecast));
        CureController cures = new CureController(new CureService(services.runs(), services.models()), services.runs(),
                services.models(), services.templates());
        ForecastPageController forecastPage = new ForecastPageController(services.datasets(), services.summaries(),
                services.runs(), services.forecasts(), services.models(), services.templates(),
                config.maxUploadBytes());

        CellController cells = new CellController(services.cells(), services.templates());
        ExploreController explore = new ExploreController(services.mnistBrowser(),
                new ImageInspector(config.maxConcurrentUploads()), services.templates(),
                Math.min(config.maxUploadBytes(), ExploreController.DEFAULT_MAX_IMAGE_BYTES));

        CompletableFuture<Void> dataRead = new CompletableFuture<>();
        Javalin javalin = Javalin.create(c -> {
            Security.register(c, access);
            c.routes.before(ctx -> awaitDataRead(dataRead));
            RequestLanguage.register(c);
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
            ClasspathFiles.register(c);
            c.startup.showJavalinBanner = false;
            c.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
            // Browsers ask for /favicon.ico whatever the page says; answer with the SVG one.
            c.routes.get("/favicon.ico", ctx -> ctx.redirect("/static/favicon.svg"));
            models.register(c);
            runApi.register(c);
            cnnPage.register(c);
            digits.register(c);
            drawings.register(c);
            datasetApi.register(c);
            forecastApi.register(c);
            forecastPage.register(c);
            runExports.register(c);
            runsPage.register(c);
            coach.register(c);
            cures.register(c);
            explore.register(c);
            evaluations.register(c);
            cells.register(c);
            errors.register(c);
        });
        return new App(javalin, services, streams, dataRead);
    }

    /**
     * Registers the bundled sample, loads the runs on disk and starts listening; returns when all
     * three are done. The data directory is read on two threads of its own while Jetty starts on
     * this one (start-up was one after the other, 1.4 s of it reading 1,000 runs); a request that
     * arrives before the reading ends waits for it, so nothing ever answers from a half-read directory.
     */
    public App start() {
        CompletableFuture<Void> sample = CompletableFuture.runAsync(services.datasets()::ensureSample,
                task -> startupThread("startup-sample", task));
        CompletableFuture<Void> runs = CompletableFuture.runAsync(services.runs()::recover,
                task -> startupThread("startup-runs", task));
        CompletableFuture.allOf(sample, runs).whenComplete((done, failed) -> {
            if (failed == null) {
                dataRead.complete(null);
            } else {
                dataRead.completeExceptionally(failed);
            }
        });
        javalin.start();
        try {
            dataRead.join();
        } catch (CompletionException e) {
            javalin.stop();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return this;
    }

    private static void startupThread(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Holds a request that arrives while the data directory is still being read at start-up. */
    private static void awaitDataRead(CompletableFuture<Void> dataRead) {
        if (!dataRead.isDone()) {
            try {
                dataRead.join();
            } catch (CompletionException | CancellationException e) {
                throw new ServiceUnavailableResponse("the server could not read its data directory at start-up");
            }
        }
    }

    public AppServices services() {
        return services;
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
        services.runs().close();
        javalin.stop();
        streams.close();
        // Models are native memory owned by the MXNet thread: close them there, then the thread.
        services.predictions().close();
        services.mxnet().close();
    }
}
