package deepdash.runs;

import deepdash.i18n.Text;
import deepdash.model.InvalidRunConfigException;
import deepdash.model.ModelRegistry;
import deepdash.model.ModelSettings;
import deepdash.model.ModelSpec;
import deepdash.prices.DatasetSource;
import deepdash.protocol.PricesSource;
import deepdash.protocol.RunConfig;
import deepdash.protocol.RunFolder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The server's check of a requested run of one model: its settings record (fields it does not take
 * are refused), the record's own checks against the dataset it names, and the device. When the run
 * is created, a dataset the settings name is copied into the run folder ({@link RunFolder#PRICES_FILE});
 * the worker reads that copy and nothing else.
 */
public final class ModelRunChecker implements RunService.RunConfigChecker {

    private final ModelSpec spec;
    private final DatasetSource datasets;
    private final IntSupplier gpuCount;

    /**
     * @param datasets where the datasets that settings name are found
     * @param gpuCount how many GPUs MXNet sees; asked only when a run wants a GPU
     */
    public ModelRunChecker(ModelSpec spec, DatasetSource datasets, IntSupplier gpuCount) {
        this.spec = spec;
        this.datasets = datasets;
        this.gpuCount = gpuCount;
    }

    /** One checker per model of the registry, by name, as {@link RunService} takes them. */
    public static Map<String, RunService.RunConfigChecker> forEveryModel(ModelRegistry models, DatasetSource datasets,
            IntSupplier gpuCount) {
        Map<String, RunService.RunConfigChecker> checkers = new LinkedHashMap<>();
        for (ModelSpec spec : models.all()) {
            checkers.put(spec.name(), new ModelRunChecker(spec, datasets, gpuCount));
        }
        return checkers;
    }

    @Override
    public RunConfig apply(RunConfig requested) {
        ModelSettings checked = spec.read(requested).check(datasets);
        if ("gpu".equals(checked.device()) && gpuCount.getAsInt() == 0) {
            // Refused here, with the reason, rather than a run that fails a second later in its worker.
            throw new InvalidRunConfigException("device", Text.of("error.run.no_gpu"));
        }
        return spec.config(checked);
    }

    @Override
    public void prepare(RunConfig checked, RunFolder folder) {
        String dataset = spec.settings(checked).copiedDataset();
        if (dataset != null) {
            folder.copyPrices(datasets.originalFile(dataset), new PricesSource(dataset,
                    datasets.name(dataset).orElse(null), datasets.dateOrder(dataset).orElse(null)));
        }
    }
}
