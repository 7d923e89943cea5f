package deepdash.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the user asked for. CNN runs use the first six fields; LSTM runs also name a dataset and
 * its windowing. Checked before a run is created: CNN settings by {@code deepdash.runs.RunConfigValidator}, LSTM
 * settings by {@code deepdash.forecast.LstmRunSettings}.
 *
 * @param trainLimit when set, only the first {@code trainLimit} of MNIST's 60,000 training images
 *     are used (before the 80/20 validation split), for quick runs
 * @param device {@code auto}, {@code cpu} or {@code gpu}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunConfig(
        String model,
        Integer epochs,
        Integer batchSize,
        Double learningRate,
        Integer trainLimit,
        String device,
        String dataset,
        String target,
        Integer window,
        String from,
        String to,
        String splitDate) {

    /** The seed's CNN defaults: 10 epochs, batch 32, Adam at 0.001, all 60,000 images. */
    public static RunConfig cnnDefaults() {
        return new RunConfig("cnn", 10, 32, 0.001, null, "auto", null, null, null, null, null, null);
    }

    public RunConfig withEpochs(int newEpochs) {
        return new RunConfig(model, newEpochs, batchSize, learningRate, trainLimit, device, dataset, target, window,
                from, to, splitDate);
    }

    public RunConfig withTrainLimit(Integer newTrainLimit) {
        return new RunConfig(model, epochs, batchSize, learningRate, newTrainLimit, device, dataset, target, window,
                from, to, splitDate);
    }
}
