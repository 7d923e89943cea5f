package deepdash.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import deepdash.i18n.Text;
import deepdash.prices.DatasetSource;
import java.math.BigDecimal;
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
 * @param l2 weight decay, 0 to {@value #MAX_L2}; see {@link TrainingOptions}
 * @param l1 L1 penalty on the weights, 0 to {@value #MAX_L1}
 * @param schedule the learning-rate schedule, one of {@link LearningRateSchedule#TYPES}
 * @param stepEpochs for the {@code step} schedule: epochs between two halvings
 * @param patience early stopping: epochs without a lower val_loss before the run stops and the best
 *     epoch's weights are restored; null: no early stopping
 */
public record CnnSettings(Integer epochs, Integer batchSize, Double learningRate, Integer trainLimit, String device,
        @JsonInclude(JsonInclude.Include.NON_NULL) CnnArchitecture architecture, Double l2, Double l1, String schedule,
        Integer stepEpochs, Integer patience) implements ModelSettings {

    public static final int MNIST_TRAIN_IMAGES = 60_000;
    /** Fewer images than this cannot be split into training and validation. */
    public static final int MIN_TRAIN_LIMIT = 10;
    /** The seed's defaults: 10 epochs, batch 32, Adam at 0.001, all 60,000 images. */
    public static final CnnSettings DEFAULTS = new CnnSettings(10, 32, 0.001, null, SettingsChecks.DEFAULT_DEVICE);
    static final String DATASET = "MNIST";
    static final double MAX_L2 = 0.1;
    static final double MAX_L1 = 0.01;
    static final int MAX_PATIENCE = SettingsChecks.MAX_EPOCHS;

    /** The seed's network and training, with no cure: no penalty, a constant learning rate, every epoch. */
    public CnnSettings(Integer epochs, Integer batchSize, Double learningRate, Integer trainLimit, String device) {
        this(epochs, batchSize, learningRate, trainLimit, device, null);
    }

    /** This network, trained as the seed trains, with no cure. */
    public CnnSettings(Integer epochs, Integer batchSize, Double learningRate, Integer trainLimit, String device,
            CnnArchitecture architecture) {
        this(epochs, batchSize, learningRate, trainLimit, device, architecture, null, null, null, null, null);
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
        double checkedL2 = penalty("l2", l2, MAX_L2);
        double checkedL1 = penalty("l1", l1, MAX_L1);
        String checkedSchedule = SettingsChecks.isBlank(schedule) ? LearningRateSchedule.CONSTANT : schedule;
        if (!LearningRateSchedule.TYPES.contains(checkedSchedule)) {
            throw new InvalidRunConfigException("schedule", Text.of("error.settings.one_of",
                    String.join(", ", LearningRateSchedule.TYPES), schedule));
        }
        Integer checkedStepEpochs = null;
        if (checkedSchedule.equals(LearningRateSchedule.STEP)) {
            checkedStepEpochs = SettingsChecks.intInRange("stepEpochs",
                    SettingsChecks.orDefault(stepEpochs, LearningRateSchedule.DEFAULT_STEP_EPOCHS), 1,
                    SettingsChecks.MAX_EPOCHS);
        } else if (stepEpochs != null) {
            throw new InvalidRunConfigException("stepEpochs", Text.of("error.settings.step_only", checkedSchedule));
        }
        if (patience != null) {
            SettingsChecks.intInRange("patience", patience, 1, MAX_PATIENCE);
        }
        return new CnnSettings(checkedEpochs, checkedBatchSize, checkedLearningRate, trainLimit,
                SettingsChecks.device(device), architecture == null ? null : architecture.check(), checkedL2, checkedL1,
                checkedSchedule, checkedStepEpochs, patience);
    }

    private static double penalty(String field, Double requested, double max) {
        double value = requested == null ? 0 : requested;
        if (!Double.isFinite(value) || value < 0 || value > max) {
            throw new InvalidRunConfigException(field, Text.of("error.settings.from_zero", max, requested));
        }
        return value;
    }

    /** The cures the training loop applies; settings of runs made before they existed read as none. */
    @JsonIgnore
    public TrainingOptions trainingOptions() {
        double rate = learningRate == null ? DEFAULTS.learningRate() : learningRate;
        LearningRateSchedule rates = new LearningRateSchedule(
                SettingsChecks.isBlank(schedule) ? LearningRateSchedule.CONSTANT : schedule, rate,
                stepEpochs == null ? LearningRateSchedule.DEFAULT_STEP_EPOCHS : stepEpochs);
        return new TrainingOptions(l2 == null ? 0 : l2, l1 == null ? 0 : l1, rates, patience);
    }

    public CnnSettings withEpochs(int newEpochs) {
        return new CnnSettings(newEpochs, batchSize, learningRate, trainLimit, device, architecture, l2, l1, schedule,
                stepEpochs, patience);
    }

    public CnnSettings withTrainLimit(Integer newTrainLimit) {
        return new CnnSettings(epochs, batchSize, learningRate, newTrainLimit, device, architecture, l2, l1, schedule,
                stepEpochs, patience);
    }

    public CnnSettings withArchitecture(CnnArchitecture newArchitecture) {
        return new CnnSettings(epochs, batchSize, learningRate, trainLimit, device, newArchitecture, l2, l1, schedule,
                stepEpochs, patience);
    }

    /**
     * These settings with {@code fraction} of each hidden dense layer's outputs dropped in training
     * (the seed's dropout after the dense layer), on the recorded network or the seed's.
     *
     * @throws InvalidRunConfigException naming {@code dropout} when the network has no hidden dense layer
     */
    public CnnSettings withDenseDropout(double fraction) {
        CnnArchitecture net = network();
        if (net.dense() == null || net.dense().isEmpty()) {
            throw new InvalidRunConfigException("dropout", Text.of("error.settings.no_dense_for_dropout"));
        }
        List<CnnArchitecture.DenseLayer> dense = new ArrayList<>();
        for (CnnArchitecture.DenseLayer layer : net.dense()) {
            dense.add(new CnnArchitecture.DenseLayer(layer.units(), fraction));
        }
        return withArchitecture(new CnnArchitecture(net.blocks(), net.head(), dense));
    }

    /** These settings with early stopping after {@code newPatience} epochs without improvement (null: off). */
    public CnnSettings withPatience(Integer newPatience) {
        return new CnnSettings(epochs, batchSize, learningRate, trainLimit, device, architecture, l2, l1, schedule,
                stepEpochs, newPatience);
    }

    /** The network these settings train: the recorded one, else the seed's. */
    @JsonIgnore
    public CnnArchitecture network() {
        return architecture == null ? CnnArchitecture.SEED : architecture;
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
    public List<Text> summaryParts() {
        List<Text> parts = new ArrayList<>();
        if (trainLimit != null) {
            parts.add(Text.of("settings.images", String.format(Locale.ROOT, "%,d", trainLimit)));
        }
        if (architecture != null && !architecture.equals(CnnArchitecture.SEED)) {
            parts.add(ModelSettings.raw(architecture.compact()));
        }
        TrainingOptions options = trainingOptions();
        if (options.l2() > 0) {
            parts.add(Text.of("settings.l2", decimal(options.l2())));
        }
        if (options.l1() > 0) {
            parts.add(Text.of("settings.l1", decimal(options.l1())));
        }
        if (!options.schedule().type().equals(LearningRateSchedule.CONSTANT)) {
            parts.add(options.schedule().text());
        }
        if (options.earlyStopping()) {
            parts.add(Text.of("settings.earlyStopping", options.patience()));
        }
        return parts;
    }

    private static String decimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    @Override
    public Map<String, Text> details() {
        Map<String, Text> details = new LinkedHashMap<>();
        details.put("trainingImages", trainLimit == null
                ? Text.of("setting.allImages", String.format(Locale.ROOT, "%,d", MNIST_TRAIN_IMAGES))
                : ModelSettings.raw(String.format(Locale.ROOT, "%,d", trainLimit)));
        details.put("network", ModelSettings.raw(network().compact()));
        TrainingOptions options = trainingOptions();
        details.put("l2", options.l2() > 0 ? ModelSettings.raw(decimal(options.l2())) : Text.of("setting.none"));
        details.put("l1", options.l1() > 0 ? ModelSettings.raw(decimal(options.l1())) : Text.of("setting.none"));
        details.put("schedule", options.schedule().text());
        details.put("earlyStopping", options.earlyStopping()
                ? Text.of("setting.patience", options.patience()) : Text.of("setting.off"));
        return details;
    }
}
