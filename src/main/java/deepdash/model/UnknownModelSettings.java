package deepdash.model;

import deepdash.i18n.Text;
import deepdash.prices.DatasetSource;
import java.util.List;
import java.util.Map;

/** The settings every model shares, read from a stored run whose model this build does not know. */
record UnknownModelSettings(Integer epochs, Integer batchSize, Double learningRate, String device)
        implements ModelSettings {

    @Override
    public ModelSettings check(DatasetSource datasets) {
        throw new IllegalStateException("a run of an unknown model cannot be checked");
    }

    @Override
    public String copiedDataset() {
        return null;
    }

    @Override
    public String dataLabel() {
        return null;
    }

    @Override
    public String datasetName() {
        return "";
    }

    @Override
    public List<Text> summaryParts() {
        return List.of();
    }

    @Override
    public Map<String, Text> details() {
        return Map.of();
    }
}
