package deepdash.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import deepdash.prices.DatasetSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An image classifier's run settings (the seed's CNN on MNIST). Both the HTTP API and the
 * {@code train} command check them here, so a bad value gets the same message anywhere.
 *
 * @param trainLimit when set, only the first {@code trainLimit} of MNIST's 60,000 training images
 *     are used (before the 80/20 validation split), for quick runs
 * @param device {@code auto}, {@code cpu} or {@code gpu}
 * @param architecture the network; null: the seed's ({@link CnnArchitecture#SEED}), which is also
 *     what runs stored before the network could be edited trained
 */
public record CnnSettings(Integer epochs, Integer batchSize, Double learningRate, Integer trainLimit, String device,
        @JsonInclude(JsonInclude.Include.NON_NULL) CnnArchitecture architecture) implements ModelSettings {

    public static final int MNIST_TRAIN_IMAGES = 60_000;
    /** Fewer images than this cannot be split into training and validation. */
    public static final int MIN_TRAIN_LIMIT = 10;
    /** The seed's defaults: 10 epochs, batch 32, Adam at 0.001, all 60,000 images. */
    public static final CnnSettings DEFAULTS = new CnnSettings(10, 32, 0.001, null, SettingsChecks.DEFAULT_DEVICE);
    static final String DATASET = "MNIST";

    /** Settings for the seed's network. */
    public CnnSettings(Integer epochs, Integer batchSize, Double learningRate, Integer trainLimit, String device) {
        this(epochs, batchSize, learningRate, trainLimit, device, null);
    }

    /** Returns the settings with defaults applied, or throws naming the first bad field. */
    @Override
    public CnnSettings check(DatasetSource datasets) {
        int checkedEpochs = SettingsChecks.epochs(epochs, DEFAULTS.epochs());
        int checkedBatchSize = SettingsChecks.batchSize(batchSize, DEFAULTS.batchSize());
        double checkedLearningRate = SettingsChecks.learningRate(learningRate, DEFAULTS.learningRate());
        if (trainLimit != null) {
            SettingsChecks.intInRange("trainLimit", trainLimit, MIN_TRAIN_LIMIT, MNIST_TRAIN_IMAGES);
        }
        return new CnnSettings(checkedEpochs, checkedBatchSize, checkedLearningRate, trainLimit,
                SettingsChecks.device(device), architecture == null ? null : architecture.check());
    }

    public CnnSettings withEpochs(int newEpochs) {
        return new CnnSettings(newEpochs, batchSize, learningRate, trainLimit, device, architecture);
    }

    public CnnSettings withTrainLimit(Integer newTrainLimit) {
        return new CnnSettings(epochs, batchSize, learningRate, newTrainLimit, device, architecture);
    }

    public CnnSettings withArchitecture(CnnArchitecture newArchitecture) {
        return new CnnSettings(epochs, batchSize, learningRate, trainLimit, device, newArchitecture);
    }

    /**
     * The network these settings train: the recorded one, else the seed's. Checked again (it costs
     * microseconds) because a stored run.json is read leniently and may have been edited by hand.
     */
    @JsonIgnore
    public CnnArchitecture network() {
        return architecture == null ? CnnArchitecture.SEED : architecture.check();
    }

    /** MNIST ships inside the jar; nothing is copied into the run. */
    @Override
    public String copiedDataset() {
        return null;
    }

    @Override
    public String dataLabel() {
        return DATASET;
    }

    @Override
    public String datasetName() {
        return DATASET;
    }

    @Override
    public List<String> summaryParts() {
        List<String> parts = new ArrayList<>();
        if (trainLimit != null) {
            parts.add(String.format(Locale.ROOT, "%,d images", trainLimit));
        }
        if (architecture != null && !architecture.equals(CnnArchitecture.SEED)) {
            parts.add(architecture.compact());
        }
        return parts;
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("training images", trainLimit == null
                ? String.format(Locale.ROOT, "all %,d", MNIST_TRAIN_IMAGES)
                : String.format(Locale.ROOT, "%,d", trainLimit));
        details.put("network", network().compact());
        return details;
    }
}
