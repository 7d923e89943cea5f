package deepdash;

import deepdash.catalog.ModelSummaryService;
import deepdash.cell.CellService;
import deepdash.digits.PredictionService;
import deepdash.drawings.DrawingService;
import deepdash.drawings.DrawingStore;
import deepdash.engine.GpuAvailability;
import deepdash.engine.MxnetDispatcher;
import deepdash.events.EventHub;
import deepdash.explore.MnistBrowser;
import deepdash.forecast.ForecastService;
import deepdash.mistakes.EvaluationService;
import deepdash.model.ModelRegistry;
import deepdash.prices.DatasetService;
import deepdash.prices.DatasetStore;
import deepdash.runs.JvmWorkerLauncher;
import deepdash.runs.ModelRunChecker;
import deepdash.runs.RunExports;
import deepdash.runs.RunService;
import deepdash.runs.RunStore;
import deepdash.runs.WorkerLauncher;
import deepdash.web.Templates;
import java.time.Clock;
import java.util.List;

/**
 * Every service {@link App} uses, wired by hand in dependency order. {@link #standard} builds the
 * real ones; a test builds them with {@link #builder} and replaces any of them (a stand-in worker,
 * a fixed clock, a registry of its own models) before the app is created.
 */
public record AppServices(MxnetDispatcher mxnet, EventHub hub, ModelRegistry models, RunStore store,
        DatasetService datasets, RunService runs, ModelSummaryService summaries, PredictionService predictions,
        ForecastService forecasts, RunExports exports, Templates templates, Clock clock, DrawingService drawings,
        MnistBrowser mnistBrowser, EvaluationService evaluations, CellService cells) {

    public static AppServices standard(AppConfig config) {
        return builder(config).build();
    }

    public static Builder builder(AppConfig config) {
        return new Builder(config);
    }

    /** Builds what was not given, from what was. */
    public static final class Builder {

        private final AppConfig config;
        private WorkerLauncher launcher;
        private Clock clock;
        private MxnetDispatcher mxnet;
        private EventHub hub;
        private ModelRegistry models;
        private RunStore store;
        private DatasetService datasets;
        private RunService runs;
        private ModelSummaryService summaries;
        private PredictionService predictions;
        private ForecastService forecasts;
        private RunExports exports;
        private Templates templates;
        private DrawingService drawings;
        private MnistBrowser mnistBrowser;
        private EvaluationService evaluations;
        private CellService cells;

        private Builder(AppConfig config) {
            this.config = config;
        }

        /** What starts a run's worker; by default a JVM running {@code deepdash.Main train}. */
        public Builder launcher(WorkerLauncher value) {
            launcher = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder mxnet(MxnetDispatcher value) {
            mxnet = value;
            return this;
        }

        public Builder hub(EventHub value) {
            hub = value;
            return this;
        }

        public Builder models(ModelRegistry value) {
            models = value;
            return this;
        }

        public Builder store(RunStore value) {
            store = value;
            return this;
        }

        public Builder datasets(DatasetService value) {
            datasets = value;
            return this;
        }

        public Builder runs(RunService value) {
            runs = value;
            return this;
        }

        public Builder summaries(ModelSummaryService value) {
            summaries = value;
            return this;
        }

        public Builder predictions(PredictionService value) {
            predictions = value;
            return this;
        }

        public Builder forecasts(ForecastService value) {
            forecasts = value;
            return this;
        }

        public Builder exports(RunExports value) {
            exports = value;
            return this;
        }

        public Builder templates(Templates value) {
            templates = value;
            return this;
        }

        public Builder drawings(DrawingService value) {
            drawings = value;
            return this;
        }

        /** The MNIST images the data page shows; by default the copy inside the jar, loaded when first asked for. */
        public Builder mnistBrowser(MnistBrowser value) {
            mnistBrowser = value;
            return this;
        }

        /** Confusion matrices and mistakes; by default with an empty personal test set. */
        public Builder evaluations(EvaluationService value) {
            evaluations = value;
            return this;
        }

        /** Looks inside the recurrent cells of completed price models. */
        public Builder cells(CellService value) {
            cells = value;
            return this;
        }

        public AppServices build() {
            Clock c = clock != null ? clock : Clock.systemUTC();
            MxnetDispatcher mx = mxnet != null ? mxnet : new MxnetDispatcher();
            EventHub h = hub != null ? hub : new EventHub();
            ModelRegistry m = models != null ? models : ModelRegistry.standard();
            RunStore s = store != null ? store : new RunStore(config.runsDir());
            DatasetService d = datasets != null ? datasets : new DatasetService(new DatasetStore(config.datasetsDir()),
                    config.maxConcurrentUploads());
            RunService r = runs;
            if (r == null) {
                GpuAvailability gpus = new GpuAvailability(mx);
                r = new RunService(s, h, launcher != null ? launcher : new JvmWorkerLauncher(), config.maxWorkers(),
                        c, ModelRunChecker.forEveryModel(m, d, gpus::gpuCount), config.cancelGrace(), config.stallFloor());
            }
            ModelSummaryService sums = summaries != null ? summaries : new ModelSummaryService(mx);
            PredictionService p = predictions != null ? predictions
                    : new PredictionService(mx, r, s, PredictionService.DEFAULT_CACHED_MODELS);
            ForecastService f = forecasts != null ? forecasts : new ForecastService(r, s, m);
            RunExports e = exports != null ? exports : new RunExports(r, s, m);
            Templates t = templates != null ? templates : new Templates();
            DrawingService dr = drawings != null ? drawings : new DrawingService(
                    new DrawingStore(config.drawingsDir(), c, DrawingStore.DEFAULT_MAX_DRAWINGS), p);
            MnistBrowser mb = mnistBrowser != null ? mnistBrowser : MnistBrowser.fromJar();
            // The saved drawings are the personal test set the evaluations score.
            EvaluationService ev = evaluations != null ? evaluations : new EvaluationService(p, s,
                    EvaluationService.shippedEvaluationFile(config.dataDir()), dr::labeledDigits);
            CellService cl = cells != null ? cells : new CellService(mx, r, s, m);
            return new AppServices(mx, h, m, s, d, r, sums, p, f, e, t, c, dr, mb, ev, cl);
        }
    }
}
