package deepdash.model;

import deepdash.i18n.Text;
import deepdash.prices.DatasetSource;
import java.util.List;
import java.util.Map;

/**
 * A model's run settings: a record of its own per task ({@link CnnSettings},
 * {@link SeriesSettings}), stored flat in {@code run.json}'s {@code config} next to the model's
 * name. Every model trains in epochs of batches with Adam on a device; the rest is the record's.
 * Fields the user left out are null until {@link #check} fills in the defaults.
 */
public interface ModelSettings {

    Integer epochs();

    Integer batchSize();

    Double learningRate();

    /** {@code auto}, {@code cpu} or {@code gpu}. */
    String device();

    /**
     * Checks the settings and returns them with every default filled in.
     *
     * @param datasets where a dataset named by the settings is found
     * @throws InvalidRunConfigException naming the first bad field
     */
    ModelSettings check(DatasetSource datasets);

    /** The dataset whose file the run keeps a copy of ({@code prices.csv}); null when the data ships with DeepDash. */
    String copiedDataset();

    /** What the run learns from, as the Runs table shows it: {@code MNIST}, {@code amzn · Adj Close}. */
    String dataLabel();

    /** The dataset column of the metrics export: {@code MNIST}, or the dataset's id ("" when there is none). */
    String datasetName();

    /**
     * The settings line's parts after epochs, batch size and learning rate ({@code 2,000 images},
     * {@code window 5}), worded by the page in its reader's language.
     */
    List<Text> summaryParts();

    /**
     * This record's own settings for the compare table, in order: the key is the setting's id (its
     * row is titled by the message {@code setting.<id>}), the value its text; a null value is unset.
     */
    Map<String, Text> details();

    /** A value shown as it is in every language: a number, a date, a Keras or wire name. */
    static Text raw(Object value) {
        return value == null ? null : Text.of("value.raw", value);
    }
}
