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
import deepdash.web.LazyJsonMapper;
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
    private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private final Javalin javalin;
    private final AppServices services;
    private final EventStreams streams;

    /** The runs read at start-up: until it is done, requests wait for it. */
    private final RunsRead runsRead;

    private App(Javalin javalin, AppServices services, EventStreams streams, RunsRead runsRead) {
        this.javalin = javalin;
        this.services = services;
        this.streams = streams;
        this.runsRead = runsRead;
    }

    /** The real app, started. */
    public static App start(AppConfig config) {
        return start(config, AppServices.standard(config));
    }

    /** The real app with another worker launcher, started. */
    public static App start(AppConfig config, WorkerLauncher launcher) {
        return start(config, AppServices.builder(config).launcher(launcher).build());
    }

    /**
     * Starts reading the runs as soon as the services exist, so that it overlaps
     * configuring the routes as well as starting Jetty (with 1,000 runs on disk the reading ended
     * 0.8 s after Jetty listened when it began only at {@link #start()}).
     */
    private static App start(AppConfig config, AppServices services) {
        AccessSettings access = accessSettings(config);
        // Jackson, which the first JSON answer needs, loads beside the routes' configuration.
        daemon("json-prepare", Json::mapper);
        return create(config, services, access, RunsRead.begin(services)).start();
    }

    /** The app on these services, not started. */
    public static App create(AppConfig config, AppServices services) {
        return create(config, services, accessSettings(config), new RunsRead(services));
    }

    /** Fails for a non-loopback address without a token, before anything is built on it. */
    private static AccessSettings accessSettings(AppConfig config) {
        return new AccessSettings(config.host(), config.allowedHosts(), config.token());
    }

    private static App create(AppConfig config, AppServices services, AccessSettings access, RunsRead runsRead) {
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

        Javalin javalin = Javalin.create(c -> {
            Security.register(c, access);
            c.routes.before(ctx -> runsRead.await());
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
            c.jsonMapper(new LazyJsonMapper(() -> new JavalinJackson(Json.mapper(), false)));
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
        return new App(javalin, services, streams, runsRead);
    }

    /**
     * Loads the runs (if not begun yet) and starts listening; returns when both are done. The
     * datasets folder (the bundled sample) is prepared by the first request that uses it (see
     * {@link deepdash.prices.DatasetService#ensureSample()}): only the dataset routes need it.
     */
    public App start() {
        runsRead.begin();
        javalin.start();
        try {
            runsRead.join();
        } catch (CompletionException e) {
            javalin.stop();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return this;
    }

    /**
     * The runs on disk, read at start-up on a thread of their own while Javalin is configured and
     * Jetty starts on the main one (start-up was one after the other, 1.4 s of it reading 1,000
     * runs). A request that arrives before the reading ends waits for it, so nothing ever answers
     * from a half-read run history.
     */
    private static final class RunsRead {

        private final AppServices services;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private boolean begun;

        RunsRead(AppServices services) {
            this.services = services;
        }

        static RunsRead begin(AppServices services) {
            RunsRead read = new RunsRead(services);
            read.begin();
            return read;
        }

        synchronized void begin() {
            if (begun) {
                return;
            }
            begun = true;
            daemon("startup-runs", () -> {
                try {
                    services.runs().recover();
                    done.complete(null);
                } catch (RuntimeException | Error e) {
                    done.completeExceptionally(e);
                }
            });
        }

        void join() {
            done.join();
        }

        /** Holds a request that arrives while the runs are still being read. */
        void await() {
            if (!done.isDone()) {
                try {
                    done.join();
                } catch (CompletionException | CancellationException e) {
                    throw new ServiceUnavailableResponse("the server could not read its runs at start-up");
                }
            }
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    public AppServices services() {
        return services;
    }

    /**
     * Jetty evicts at most one idle thread per idle timeout by default, so the threads of a burst
     * stayed for hours (one a minute); here every thread idle for the timeout may go.
     */
    private static QueuedThreadPool jettyThreadPool() {
        // Jetty pads its queues to a cache line and, unless told the references per line, asks
        // the JMX platform server whether oops are compressed: 200 classes and 150 ms of start-up.
        // 16 is right for compressed oops (any heap under 32 GB); above that it pads two lines, harmlessly.
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
        }
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
