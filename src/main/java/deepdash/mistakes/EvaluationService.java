package deepdash.mistakes;

import deepdash.digits.DigitPreprocessor;
import deepdash.digits.LabeledDigit;
import deepdash.digits.PredictionService;
import deepdash.evaluation.ConfusionMatrix;
import deepdash.evaluation.PredictionSet;
import deepdash.mnist.IdxImages;
import deepdash.mnist.MnistData;
import deepdash.runs.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a trained CNN gets wrong: its confusion matrix, per-class figures and most confident
 * mistakes on the 10,000 MNIST test images, and the same on the user's own drawings.
 *
 * <p>The test images' answers are computed once per model. A worker writes them into the run
 * folder when its test ends ({@code evaluation.json}); for runs made before that, and for the
 * model shipped in the jar, the first request computes them through {@link PredictionService}
 * (so on the server's one MXNet thread, in batches, so that a drawing's prediction never waits for
 * all 10,000) and stores them: in the run folder, or for the shipped model (the jar is read-only) in
 * the data directory. Concurrent first requests for one model compute once; the others wait for it.
 * No {@code NDArray} leaves {@link PredictionService}: this class sees plain arrays only.
 */
public final class EvaluationService {

    /**
     * Images per forward pass on the MXNet thread, so a drawing's prediction waits for one batch at
     * most: 0.4 to 1.2 s on a busy 2-core machine, where all 10,000 took 9 to 24 s.
     */
    public static final int BATCH_IMAGES = 500;
    /** Answers kept in memory: about 250 kB each. */
    private static final int CACHED_SETS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(EvaluationService.class);

    private final PredictionService predictions;
    private final RunStore store;
    private final Path shippedEvaluationFile;
    private final Supplier<List<LabeledDigit>> personalDigits;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, PredictionSet> cache = new LinkedHashMap<>(CACHED_SETS + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PredictionSet> eldest) {
            return size() > CACHED_SETS;
        }
    };
    private volatile TestImages testImages;
    private final AtomicInteger computedTestSets = new AtomicInteger();
    private volatile long lastComputeMillis = -1;

    /** The MNIST test set, read from the jar the first time it is needed. */
    private record TestImages(IdxImages images, byte[] labels) {
    }

    /**
     * @param predictions the server's CNN predictions (and its MXNet thread)
     * @param store where run folders lie
     * @param shippedEvaluationFile where the shipped model's answers are kept, in the data directory
     * @param personalDigits the user's saved drawings, read on every personal evaluation
     */
    public EvaluationService(PredictionService predictions, RunStore store, Path shippedEvaluationFile,
            Supplier<List<LabeledDigit>> personalDigits) {
        this.predictions = predictions;
        this.store = store;
        this.shippedEvaluationFile = shippedEvaluationFile;
        this.personalDigits = personalDigits;
    }

    /** The default place of the shipped model's answers: {@code <dataDir>/evaluations/shipped-cnn.json}. */
    public static Path shippedEvaluationFile(Path dataDir) {
        return dataDir.resolve("evaluations").resolve(PredictionService.SHIPPED_MODEL_ID + ".json");
    }

    /**
     * The confusion matrix and per-class figures of a completed CNN run (or the shipped model).
     *
     * @throws deepdash.runs.RunNotFoundException if no run has that id
     * @throws deepdash.runs.RunConflictException if it is not a completed CNN run with saved parameters
     */
    public Evaluation evaluation(String modelId, EvaluationSet set) {
        if (set == EvaluationSet.PERSONAL) {
            return personal(modelId);
        }
        String id = predictions.checkModel(modelId);
        return Evaluation.of(id, set.wireName(), testPredictions(id).confusion(), predictions.recordedAccuracy(id));
    }

    /** The test images with this true digit and this prediction: one cell of the matrix. */
    public PredictionSet.Page cell(String modelId, int actual, int predicted, int offset, int limit) {
        return testPredictions(predictions.checkModel(modelId)).cell(actual, predicted, offset, limit);
    }

    /** The wrongly read test images, the most confident first. */
    public PredictionSet.Page mistakes(String modelId, int offset, int limit) {
        return testPredictions(predictions.checkModel(modelId)).mistakes(offset, limit);
    }

    /**
     * Checks that a model can be evaluated: a completed CNN run with saved parameters, or the shipped model.
     *
     * @throws deepdash.runs.RunNotFoundException if no run has that id
     * @throws deepdash.runs.RunConflictException if it is not a completed CNN run with saved parameters
     */
    public String checkModel(String modelId) {
        return predictions.checkModel(modelId);
    }

    /** How many times a model's test answers were computed here rather than read: once per model at most. */
    public int computedTestSets() {
        return computedTestSets.get();
    }

    /** How long the last such computation took (forward passes and writing the file); -1 before the first. */
    public long lastComputeMillis() {
        return lastComputeMillis;
    }

    /** A test image's 784 pixels as in the IDX file (0..255, row-major, white on black). */
    public byte[] testImageBytes(int index) {
        IdxImages images = testImages().images();
        int size = images.pixelsPerImage();
        byte[] pixels = new byte[size];
        System.arraycopy(images.pixels(), checkIndex(index) * size, pixels, 0, size);
        return pixels;
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= testImages().labels().length) {
            throw new IllegalArgumentException("no test image " + index);
        }
        return index;
    }

    // ---- the test set, once per model ------------------------------------------------------

    private PredictionSet testPredictions(String id) {
        synchronized (cache) {
            PredictionSet cached = cache.get(id);
            if (cached != null) {
                return cached;
            }
        }
        // One lock per model: a first request computes; requests for the same model wait for it, others do not.
        synchronized (locks.computeIfAbsent(id, key -> new Object())) {
            synchronized (cache) {
                PredictionSet cached = cache.get(id);
                if (cached != null) {
                    return cached;
                }
            }
            PredictionSet set = readOrCompute(id);
            synchronized (cache) {
                cache.put(id, set);
            }
            return set;
        }
    }

    private PredictionSet readOrCompute(String id) {
        Path file = fileFor(id);
        if (Files.isRegularFile(file)) {
            try {
                return PredictionSet.read(file);
            } catch (IllegalArgumentException damaged) {
                // The answers can be computed again from the parameters; a damaged copy is not worth an error.
                LOG.warn("{} is damaged ({}); computing the evaluation again", file, damaged.getMessage());
            }
        }
        long startNanos = System.nanoTime();
        TestImages test = testImages();
        PredictionSet set = compute(id, test.labels().length, i -> test.labels()[i], (i, target) ->
                test.images().copyScaled(i, target, 0));
        if (PredictionService.SHIPPED_MODEL_ID.equals(id) || store.folder(id).hasRecord()) {
            set.write(file);
        } else {
            // The run was deleted while its answers were computed: writing would bring back a run folder without a run.
            LOG.info("run {} was deleted during its evaluation; its answers are not kept", id);
        }
        computedTestSets.incrementAndGet();
        lastComputeMillis = (System.nanoTime() - startNanos) / 1_000_000;
        LOG.info("evaluated {} on {} test images in {} ms", id, set.size(), lastComputeMillis);
        return set;
    }

    private Path fileFor(String id) {
        return PredictionService.SHIPPED_MODEL_ID.equals(id) ? shippedEvaluationFile : store.folder(id).evaluationFile();
    }

    private TestImages testImages() {
        TestImages loaded = testImages;
        if (loaded == null) {
            synchronized (this) {
                loaded = testImages;
                if (loaded == null) {
                    loaded = new TestImages(MnistData.loadTestImages(null), MnistData.loadTestLabels(null));
                    testImages = loaded;
                }
            }
        }
        return loaded;
    }

    // ---- the personal set, on every request --------------------------------------------------

    private Evaluation personal(String modelId) {
        String id = predictions.checkModel(modelId);
        List<LabeledDigit> digits = List.copyOf(personalDigits.get());
        PredictionSet set = compute(id, digits.size(), i -> digits.get(i).label(),
                (i, target) -> System.arraycopy(digits.get(i).pixels(), 0, target, 0, target.length));
        ConfusionMatrix matrix = set.confusion();
        return Evaluation.of(id, EvaluationSet.PERSONAL.wireName(), matrix, null);
    }

    // ---- both ----------------------------------------------------------------------------------

    private interface Labels {
        int of(int index);
    }

    private interface Pixels {
        void copy(int index, float[] target);
    }

    private PredictionSet compute(String id, int count, Labels labels, Pixels pixels) {
        PredictionSet.Builder builder = PredictionSet.builder(count);
        for (int from = 0; from < count; from += BATCH_IMAGES) {
            int size = Math.min(BATCH_IMAGES, count - from);
            float[][] inputs = new float[size][DigitPreprocessor.PIXEL_COUNT];
            for (int i = 0; i < size; i++) {
                pixels.copy(from + i, inputs[i]);
            }
            double[][] probabilities = predictions.predictBatch(id, inputs);
            for (int i = 0; i < size; i++) {
                builder.add(labels.of(from + i), probabilities[i]);
            }
        }
        return builder.build();
    }
}
