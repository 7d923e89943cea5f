package deepdash.forecast;

import deepdash.prices.DatasetService;
import deepdash.prices.ParsedPrices;
import deepdash.protocol.RunConfig;
import deepdash.protocol.RunFolder;
import deepdash.runs.InvalidRunConfigException;
import deepdash.runs.RunService;

/**
 * The server's check of an LSTM run: the dataset must exist, then {@link LstmRunSettings} checks
 * the rest against its prices. When the run is created, the dataset's file is copied into the run
 * folder ({@link RunFolder#PRICES_FILE}); the worker reads that copy and nothing else.
 */
public final class LstmRunChecker implements RunService.RunConfigChecker {

    private final DatasetService datasets;

    public LstmRunChecker(DatasetService datasets) {
        this.datasets = datasets;
    }

    @Override
    public RunConfig apply(RunConfig requested) {
        String id = requested.dataset();
        if (id == null || id.isBlank()) {
            throw new InvalidRunConfigException("dataset", "is required: the id of an uploaded dataset, or \""
                    + DatasetService.SAMPLE_ID + "\" for the bundled sample");
        }
        ParsedPrices prices = datasets.prices(id).orElseThrow(() -> new InvalidRunConfigException("dataset",
                "no dataset with id \"" + id + "\""));
        return LstmRunSettings.resolve(requested, prices).config();
    }

    @Override
    public void prepare(RunConfig checked, RunFolder folder) {
        folder.copyPrices(datasets.originalFile(checked.dataset()));
    }
}
