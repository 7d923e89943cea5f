package deepdash.digits;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import deepdash.engine.MxnetDispatcher;
import deepdash.files.FileTrees;
import deepdash.i18n.Text;
import deepdash.model.CnnArchitecture;
import deepdash.model.CnnSettings;
import deepdash.model.CnnSpec;
import deepdash.model.ModelFiles;
import deepdash.protocol.RunConfig;
import deepdash.protocol.RunRecord;
import deepdash.protocol.RunStatus;
import deepdash.protocol.TestResult;
import deepdash.runs.RunConflictException;
import deepdash.runs.RunQuery;
import deepdash.runs.RunService;
import deepdash.runs.RunStore;
import deepdash.runs.RunView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads drawn digits with a trained CNN: the one with the best test accuracy by default, any other
 * completed CNN run on request, or the model shipped in the jar when nothing has been trained.
 *
 * <p>Every MXNet call (loading, the forward pass, copying results out) runs on the server's one
 * {@link MxnetDispatcher} thread; decoding the canvas, preprocessing and the softmax run on the
 * caller's thread, so a slow PNG never holds up someone else's prediction. Single predictions that
 * arrive while the MXNet thread is busy share the next forward pass ({@link ForwardBatcher}, up to
 * {@value ForwardBatcher#DEFAULT_MAX_BATCH} per pass, per model and per "with feature maps or not"),
 * and each gets exactly its own slice of it. Inputs and results are plain Java values: no
 * {@code NDArray} leaves this class.
 *
 * <p>Loaded models are kept in a small least-recently-used cache (a run's parameters never change
 * once it has completed) and closed when they drop out of it or when the service is closed. Each
 * prediction works in its own sub-manager of the model's, closed before the call returns.
 */
public final class PredictionService implements AutoCloseable {

    /** The id of the model inside the jar, listed and accepted like a run id. */
    public static final String SHIPPED_MODEL_ID = "shipped-cnn";
    /** How many models stay loaded: each holds about 1 MB of native memory once warm. */
    public static final int DEFAULT_CACHED_MODELS = 3;
    /** Inputs per forward pass in {@link #predictPixels(String, List)}: a few MB of activations at most. */
    static final int MAX_BATCH_INPUTS = 256;
    /** Only the CNN reads digits: its block is what every loaded parameter file fits. */
    private static final CnnSpec CNN = new CnnSpec();

    private final MxnetDispatcher mxnet;
    private final RunService runs;
    private final RunStore store;
    private final CanvasImageDecoder decoder = new CanvasImageDecoder();
    private final DigitPreprocessor preprocessor = new DigitPreprocessor();

    /** Used only on the MXNet thread, so it needs no lock; evicting closes the model. */
    private final LinkedHashMap<String, Model> loaded;
    /** Written on the MXNet thread; read by request threads to refuse early. */
    private volatile boolean closed;
    private final ForwardBatcher batcher;

    /**
     * @param mxnet the server's MXNet thread
     * @param runs where completed runs are listed
     * @param store where their parameters lie
     * @param cachedModels how many models stay loaded, at least 1
     */
    public PredictionService(MxnetDispatcher mxnet, RunService runs, RunStore store, int cachedModels) {
        if (cachedModels < 1) {
            throw new IllegalArgumentException("cachedModels must be at least 1, got " + cachedModels);
        }
        this.mxnet = mxnet;
        this.runs = runs;
        this.store = store;
        this.batcher = new ForwardBatcher(mxnet, this::forwardOnMxnet, ForwardBatcher.DEFAULT_MAX_BATCH,
                ForwardBatcher.DEFAULT_MAX_WAIT_NANOS);
        this.loaded = new LinkedHashMap<>(cachedModels + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Model> eldest) {
                if (size() <= cachedModels) {
                    return false;
                }
                eldest.getValue().close();
                return true;
            }
        };
    }

    /**
     * The models a request may name: the completed CNN runs newest first, then the shipped model;
     * the most accurate one is marked as the default (see {@link #defaultModelId}).
     */
    public List<ModelChoice> models() {
        List<ModelChoice> choices = new ArrayList<>();
        for (RunView run : completedCnnRuns()) {
            if (isUsable(run)) {
                choices.add(new ModelChoice(run.id(), runLabel(run), accuracy(run.test()), run.createdAt(), false,
                        run.name()));
            }
        }
        ModelChoice shipped = new ModelChoice(SHIPPED_MODEL_ID, shippedLabel(), accuracy(ShippedModel.record().test()),
                ShippedModel.record().createdAt(), false, null);
        // The shipped model first: a run that only ties with it does not replace it.
        List<ModelChoice> candidates = new ArrayList<>(choices.size() + 1);
        candidates.add(shipped);
        candidates.addAll(choices);
        ModelChoice best = ModelChoice.best(candidates);
        choices.add(shipped);
        return choices.stream().map(choice -> choice == best ? choice.asDefault() : choice).toList();
    }

    /**
     * The model used when a request names none: the one with the highest test accuracy, the shipped
     * model unless a completed CNN run beats it (a quick 3-epoch run must not take its place).
     */
    public String defaultModelId() {
        return models().stream().filter(ModelChoice::isDefault).findFirst().orElseThrow().id();
    }

    /** Newest first; filtered in RunService's memory, so a store of a thousand runs costs little. */
    private List<RunView> completedCnnRuns() {
        return runs.list(new RunQuery(CnnSpec.NAME, Set.of(RunStatus.COMPLETED), 0, RunQuery.MAX_LIMIT)).runs();
    }

    /**
     * Predicts the digit on a canvas export.
     *
     * @param dataUrl {@code data:image/png;base64,...} as {@code canvas.toDataURL()} makes it
     * @param modelId a run id, {@value #SHIPPED_MODEL_ID}, or null/blank for the default model
     * @param withFeatureMaps whether to return the convolution layers' activations too
     * @throws InvalidDigitInputException if the image is not a usable drawing
     * @throws deepdash.runs.RunNotFoundException if no run has that id
     * @throws RunConflictException if the run cannot predict (not a CNN, not completed, no parameters)
     */
    public Prediction predictImage(String dataUrl, String modelId, boolean withFeatureMaps) {
        checkOpen();
        // The model first: a request for a model that cannot answer costs no decode.
        String id = resolve(modelId);
        try (ForwardBatcher.Arrival arrival = batcher.arrive(id, withFeatureMaps)) {
            float[] pixels = preprocessor.toMnistPixels(decoder.decode(dataUrl));
            DigitPreprocessor.validatePixels(pixels);
            return prediction(id, pixels, arrival.forward(pixels), withFeatureMaps);
        }
    }

    /**
     * Predicts the digit in an MNIST-style input, used as is.
     *
     * @param pixels {@value DigitPreprocessor#PIXEL_COUNT} values in 0..1, row-major, white on black
     * @param modelId a run id, {@value #SHIPPED_MODEL_ID}, or null/blank for the default model
     * @param withFeatureMaps whether to return the convolution layers' activations too
     * @throws InvalidDigitInputException if the pixels are not a valid input
     * @throws deepdash.runs.RunNotFoundException if no run has that id
     * @throws RunConflictException if the run cannot predict (not a CNN, not completed, no parameters)
     */
    public Prediction predictPixels(float[] pixels, String modelId, boolean withFeatureMaps) {
        DigitPreprocessor.validatePixels(pixels);
        checkOpen();
        float[] input = pixels.clone();
        String id = resolve(modelId);
        return prediction(id, input, batcher.forward(id, withFeatureMaps, input), withFeatureMaps);
    }

    /** The softmax and the feature maps' scaling, on the caller's thread. */
    private static Prediction prediction(String id, float[] input, Activations activations, boolean withFeatureMaps) {
        double[] probabilities = softmax(activations.logits());
        return new Prediction(argMax(probabilities), probabilities, id, input,
                withFeatureMaps ? featureMaps(activations.convolutions()) : null);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the prediction service is closed");
        }
    }

    /** How the single predictions were batched so far; for tests and benchmarks. */
    ForwardBatcher.Stats batchStats() {
        return batcher.stats();
    }

    /**
     * Reads many MNIST-style inputs with one model, {@value #MAX_BATCH_INPUTS} inputs per forward
     * pass ({@link #predictBatch}, one task on the MXNet thread each): for scoring a set of drawings,
     * where one call per image would queue behind every other prediction once per image.
     *
     * @param modelId a run id, {@value #SHIPPED_MODEL_ID}, or null/blank for the default model
     * @param inputs each {@value DigitPreprocessor#PIXEL_COUNT} values in 0..1, row-major, white on black
     * @return for each input, in order, the probability of each digit 0..9
     * @throws InvalidDigitInputException if an input is not a valid model input
     * @throws deepdash.runs.RunNotFoundException if no run has that id
     * @throws RunConflictException if the run cannot predict (not a CNN, not completed, no parameters)
     */
    public List<float[]> predictPixels(String modelId, List<float[]> inputs) {
        for (float[] input : inputs) {
            DigitPreprocessor.validatePixels(input);
        }
        String id = resolve(modelId);
        List<float[]> probabilities = new ArrayList<>(inputs.size());
        for (int start = 0; start < inputs.size(); start += MAX_BATCH_INPUTS) {
            int end = Math.min(inputs.size(), start + MAX_BATCH_INPUTS);
            for (double[] row : predictBatch(id, inputs.subList(start, end).toArray(new float[0][]))) {
                float[] asFloats = new float[row.length];
                for (int k = 0; k < row.length; k++) {
                    asFloats[k] = (float) row[k];
                }
                probabilities.add(asFloats);
            }
        }
        return List.copyOf(probabilities);
    }

    /**
     * The probabilities of many MNIST-style inputs, in one forward pass on the MXNet thread. Callers
     * with thousands of inputs send them in batches of a few hundred, so a drawing's prediction
     * waits for one batch at most.
     *
     * @param inputs each {@value DigitPreprocessor#PIXEL_COUNT} values in 0..1, row-major, white on black
     * @param modelId a run id or {@value #SHIPPED_MODEL_ID}
     * @return ten probabilities per input, in the inputs' order
     * @throws deepdash.runs.RunNotFoundException if no run has that id
     * @throws RunConflictException if the run cannot predict (not a CNN, not completed, no parameters)
     */
    public double[][] predictBatch(String modelId, float[][] inputs) {
        String id = checkModel(modelId);
        if (inputs.length == 0) {
            return new double[0][];
        }
        float[] flat = new float[inputs.length * DigitPreprocessor.PIXEL_COUNT];
        for (int i = 0; i < inputs.length; i++) {
            DigitPreprocessor.validatePixels(inputs[i]);
            System.arraycopy(inputs[i], 0, flat, i * DigitPreprocessor.PIXEL_COUNT, DigitPreprocessor.PIXEL_COUNT);
        }
        float[] logits = mxnet.call(() -> forwardBatch(model(id), flat, inputs.length));
        int classes = logits.length / inputs.length;
        double[][] probabilities = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            probabilities[i] = softmax(Arrays.copyOfRange(logits, i * classes, (i + 1) * classes));
        }
        return probabilities;
    }

    /**
     * Checks that a model can predict and names it: a run id or {@value #SHIPPED_MODEL_ID}.
     *
     * @throws deepdash.runs.RunNotFoundException if no run has that id
     * @throws RunConflictException if the run cannot predict (not a CNN, not completed, no parameters)
     */
    public String checkModel(String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("a model id is required");
        }
        return resolve(modelId);
    }

    /** The test accuracy recorded with a model (a run's, or the shipped model's); null if none was. */
    public Double recordedAccuracy(String modelId) {
        String id = checkModel(modelId);
        return accuracy(SHIPPED_MODEL_ID.equals(id) ? ShippedModel.record().test() : runs.view(id).test());
    }

    /** Closes every loaded model. Call before the dispatcher closes. */
    @Override
    public void close() {
        mxnet.call(() -> {
            closed = true;
            loaded.values().forEach(Model::close);
            loaded.clear();
            return null;
        });
    }

    // ---- which model -----------------------------------------------------------------------

    private String resolve(String modelId) {
        if (modelId == null || modelId.isBlank()) {
            return defaultModelId();
        }
        if (SHIPPED_MODEL_ID.equals(modelId)) {
            return modelId;
        }
        RunView run = runs.view(modelId);
        if (!CnnSpec.NAME.equals(run.model())) {
            throw new RunConflictException(Text.of("error.predict.not_cnn", modelId, run.model()));
        }
        if (run.status() != RunStatus.COMPLETED) {
            throw new RunConflictException(Text.of("error.predict.not_completed", modelId, run.status().wireName()));
        }
        if (!hasParameters(modelId)) {
            throw new RunConflictException(Text.of("error.predict.no_model", modelId));
        }
        return modelId;
    }

    private boolean isUsable(RunView run) {
        return CnnSpec.NAME.equals(run.model()) && run.status() == RunStatus.COMPLETED && hasParameters(run.id());
    }

    private boolean hasParameters(String runId) {
        return store.folder(runId).hasParameters(CnnSpec.NAME);
    }

    private static Double accuracy(TestResult test) {
        return test == null ? null : test.accuracy();
    }

    private static Text runLabel(RunView run) {
        return run.name() != null ? Text.of("draw.label.named", run.name(), run.id(), describe(run.config()))
                : Text.of("draw.label.run", run.id(), describe(run.config()));
    }

    private Text shippedLabel() {
        return Text.of("draw.label.shipped", describe(ShippedModel.record().config()));
    }

    private static Text describe(RunConfig config) {
        CnnSettings settings = (CnnSettings) CNN.settings(config);
        Text images = settings.trainLimit() == null
                ? Text.of("draw.label.allImages", String.format(Locale.ROOT, "%,d", CnnSettings.MNIST_TRAIN_IMAGES))
                : Text.of("settings.images", String.format(Locale.ROOT, "%,d", settings.trainLimit()));
        String network = settings.architecture() == null || settings.architecture().equals(CnnArchitecture.SEED)
                ? "" : " · " + settings.architecture().compact();
        return Text.of(settings.epochs() == 1 ? "draw.label.training.one" : "draw.label.training", settings.epochs(),
                images, network);
    }

    // ---- on the MXNet thread ---------------------------------------------------------------

    private Model model(String id) {
        if (closed) {
            throw new IllegalStateException("the prediction service is closed");
        }
        Model model = loaded.get(id);
        if (model == null) {
            model = load(id);
            loaded.put(id, model);
        }
        return model;
    }

    private Model load(String id) {
        // Predictions are one image at a time: the CPU answers sooner than a copy to a GPU and back.
        Model model = Model.newInstance(CnnSpec.NAME, Device.cpu());
        try {
            // A run's parameters fit only the network it trained: build that one, not the seed's.
            model.setBlock(CNN.newBlock(settingsOf(id)));
            if (SHIPPED_MODEL_ID.equals(id)) {
                loadShipped(model);
            } else {
                ModelFiles.load(model, store.folder(id).modelDir());
            }
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private CnnSettings settingsOf(String id) {
        RunConfig config = SHIPPED_MODEL_ID.equals(id) ? ShippedModel.record().config() : runs.view(id).config();
        return (CnnSettings) CNN.settings(config);
    }

    private static void loadShipped(Model model) {
        try {
            Path folder = Files.createTempDirectory("deepdash-shipped-cnn-");
            try {
                ShippedModel.copyParametersTo(folder);
                ModelFiles.load(model, folder);
            } finally {
                // The parameters are in memory now; the copy has done its job.
                FileTrees.deleteTree(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the shipped model", e);
        }
    }

    /** The batcher's pass: on the MXNet thread, where it is called. */
    private Activations[] forwardOnMxnet(String id, boolean withFeatureMaps, float[][] inputs) {
        return forward(model(id), inputs, withFeatureMaps);
    }

    /**
     * One pass of a batch of inputs. With feature maps it runs the sequential block child by child
     * (exactly what its own forward does) so that the output of every convolution's ReLU can be
     * copied out on the way, then cut into one slice per input.
     */
    private static Activations[] forward(Model model, float[][] inputs, boolean withFeatureMaps) {
        int count = inputs.length;
        float[] flat = new float[count * DigitPreprocessor.PIXEL_COUNT];
        for (int i = 0; i < count; i++) {
            System.arraycopy(inputs[i], 0, flat, i * DigitPreprocessor.PIXEL_COUNT, DigitPreprocessor.PIXEL_COUNT);
        }
        try (NDManager manager = model.getNDManager().newSubManager()) {
            ParameterStore parameters = new ParameterStore(manager, false);
            NDList current = new NDList(manager.create(flat, new Shape(count, 1,
                    DigitPreprocessor.SIDE_PIXELS, DigitPreprocessor.SIDE_PIXELS)));
            List<Shape> mapShapes = new ArrayList<>();
            List<float[]> mapValues = new ArrayList<>();
            if (withFeatureMaps) {
                // A convolution's maps are shown after its activation (and its batch normalisation, if any).
                boolean afterConvolution = false;
                for (Pair<String, Block> child : model.getBlock().getChildren()) {
                    Block layer = child.getValue();
                    current = layer.forward(parameters, current, false);
                    if (afterConvolution && isActivation(layer)) {
                        NDArray maps = current.singletonOrThrow();
                        mapShapes.add(maps.getShape());
                        mapValues.add(maps.toFloatArray());
                    }
                    afterConvolution = layer instanceof Convolution || afterConvolution && layer instanceof BatchNorm;
                }
            } else {
                current = model.getBlock().forward(parameters, current, false);
            }
            float[] logits = current.singletonOrThrow().toFloatArray();
            int classes = logits.length / count;
            Activations[] results = new Activations[count];
            for (int i = 0; i < count; i++) {
                List<Activations.RawMaps> convolutions = new ArrayList<>(mapShapes.size());
                for (int m = 0; m < mapShapes.size(); m++) {
                    Shape shape = mapShapes.get(m);
                    int perInput = mapValues.get(m).length / count;
                    convolutions.add(new Activations.RawMaps((int) shape.get(1), (int) shape.get(2),
                            (int) shape.get(3), Arrays.copyOfRange(mapValues.get(m), i * perInput,
                            (i + 1) * perInput)));
                }
                results[i] = new Activations(Arrays.copyOfRange(logits, i * classes, (i + 1) * classes),
                        List.copyOf(convolutions));
            }
            return results;
        }
    }

    private static float[] forwardBatch(Model model, float[] pixels, int count) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            ParameterStore parameters = new ParameterStore(manager, false);
            NDArray x = manager.create(pixels, new Shape(count, 1, 28, 28));
            return model.getBlock().forward(parameters, new NDList(x), false).singletonOrThrow().toFloatArray();
        }
    }

    private static boolean isActivation(Block layer) {
        if (!(layer instanceof LambdaBlock lambda)) {
            return false;
        }
        String name = lambda.getName().toLowerCase(Locale.ROOT);
        return name.contains("relu") || name.contains("sigmoid") || name.contains("tanh");
    }

    // ---- plain Java again ------------------------------------------------------------------

    static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float logit : logits) {
            max = Math.max(max, logit);
        }
        // Subtracting the largest logit keeps exp from overflowing; the result is the same.
        double[] probabilities = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = Math.exp(logits[i] - max);
            sum += probabilities[i];
        }
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] /= sum;
        }
        return probabilities;
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static List<FeatureMapLayer> featureMaps(List<Activations.RawMaps> convolutions) {
        List<FeatureMapLayer> layers = new ArrayList<>();
        for (int c = 0; c < convolutions.size(); c++) {
            Activations.RawMaps raw = convolutions.get(c);
            int tilePixels = raw.heightPixels() * raw.widthPixels();
            float[] maxima = new float[raw.filters()];
            byte[] levels = new byte[raw.values().length];
            for (int f = 0; f < raw.filters(); f++) {
                int start = f * tilePixels;
                float max = 0;
                for (int i = start; i < start + tilePixels; i++) {
                    max = Math.max(max, raw.values()[i]);
                }
                maxima[f] = max;
                if (max > 0) {
                    for (int i = start; i < start + tilePixels; i++) {
                        levels[i] = (byte) Math.round(Math.max(0, raw.values()[i]) / max * 255);
                    }
                }
            }
            layers.add(new FeatureMapLayer(c == 0 ? "conv2d" : "conv2d_" + c, raw.filters(), raw.heightPixels(),
                    raw.widthPixels(), maxima, levels));
        }
        return List.copyOf(layers);
    }
}
