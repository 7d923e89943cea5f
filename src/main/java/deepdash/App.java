package deepdash;

import deepdash.cnn.CnnPageController;
import deepdash.engine.EngineSettings;
import deepdash.engine.MxnetDispatcher;
import deepdash.events.EventHub;
import deepdash.history.RunsPageController;
import deepdash.json.Json;
import deepdash.model.ModelController;
import deepdash.model.ModelSummaryService;
import deepdash.runs.JvmWorkerLauncher;
import deepdash.runs.RunConfigValidator;
import deepdash.runs.RunController;
import deepdash.runs.RunExportController;
import deepdash.runs.RunExports;
import deepdash.runs.RunService;
import deepdash.runs.RunStore;
import deepdash.runs.WorkerLauncher;
import deepdash.web.ErrorMapping;
import deepdash.web.Templates;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.Map;

/**
 * Wires DeepDash by hand: services first, then one controller per feature, all inside
 * {@code Javalin.create}. Tests build it the same way on a free port.
 */
public final class App {

    static final long HEARTBEAT_MILLIS = 10_000;

    private final Javalin javalin;
    private final RunService runs;
    private final MxnetDispatcher mxnet;

    private App(Javalin javalin, RunService runs, MxnetDispatcher mxnet) {
        this.javalin = javalin;
        this.runs = runs;
        this.mxnet = mxnet;
    }

    public static App start(AppConfig config) {
        return start(config, new JvmWorkerLauncher(null));
    }

    public static App start(AppConfig config, WorkerLauncher launcher) {
        EngineSettings.applyToThisProcess();
        MxnetDispatcher mxnet = new MxnetDispatcher();
        EventHub hub = new EventHub();
        RunStore store = new RunStore(config.runsDir());
        RunService runs = new RunService(store, hub, launcher, config.maxWorkers(), Clock.systemUTC(),
                Map.of("cnn", RunConfigValidator::validateCnn));
        runs.recover();
        ModelSummaryService summaries = new ModelSummaryService(mxnet);
        Templates templates = new Templates();

        ModelController models = new ModelController(summaries);
        RunController runApi = new RunController(runs, hub, HEARTBEAT_MILLIS);
        CnnPageController cnnPage = new CnnPageController(summaries, runs, templates);
        RunExports exports = new RunExports(runs, store);
        RunExportController runExports = new RunExportController(exports);
        RunsPageController runsPage = new RunsPageController(runs, exports, templates, Clock.systemUTC());
        ErrorMapping errors = new ErrorMapping(templates);

        Javalin javalin = Javalin.create(c -> {
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.http.maxRequestSize = config.maxUploadBytes();
            c.jsonMapper(new JavalinJackson(Json.mapper(), false));
            c.staticFiles.enableWebjars();
            c.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            c.startup.showJavalinBanner = false;
            c.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
            models.register(c);
            runApi.register(c);
            cnnPage.register(c);
            runExports.register(c);
            runsPage.register(c);
            errors.register(c);
        });
        javalin.start();
        return new App(javalin, runs, mxnet);
    }

    public int port() {
        return javalin.port();
    }

    public void stop() {
        runs.close();
        javalin.stop();
        mxnet.close();
    }
}
