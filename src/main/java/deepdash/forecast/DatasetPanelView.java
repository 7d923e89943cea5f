package deepdash.forecast;

import deepdash.i18n.Messages;
import deepdash.model.SeriesSettings;
import deepdash.prices.DatasetDetail;
import deepdash.prices.DatasetInfo;
import deepdash.prices.DatasetService;
import deepdash.prices.PriceRow;
import deepdash.series.DefaultRange;
import deepdash.series.Recipe;
import java.util.List;
import java.util.Locale;

/**
 * Input of {@code prices/dataset.jte}: the chosen dataset (what was read, a preview and a chart)
 * and the training form, filled with the defaults that dataset gets.
 *
 * @param datasets every dataset, for the picker
 * @param defaults the settings a run on this dataset gets when nothing is changed
 * @param models the forecasting models the form offers, the default selected
 * @param defaultsRule the rule that chose the default date range and split
 */
public record DatasetPanelView(DatasetDetail dataset, List<DatasetInfo> datasets, SeriesSettings defaults,
        List<ModelOption> models, DefaultRange.Rule defaultsRule) {

    /** The recipes the form offers, the seed's first. */
    public List<Recipe> recipes() {
        return List.of(Recipe.values());
    }

    /** The horizons the form offers, in business days. */
    public List<Integer> horizons() {
        return SeriesSettings.HORIZONS;
    }

    /** The window field's bounds. */
    public int minWindow() {
        return SeriesSettings.MIN_WINDOW;
    }

    public int maxWindow() {
        return SeriesSettings.MAX_WINDOW;
    }

    /** How a dataset reads in the picker, in {@code t}'s language. */
    public String label(DatasetInfo info, Messages t) {
        return t.get(DatasetService.SAMPLE_ID.equals(info.id()) ? "dataset.label.sample" : "dataset.label.uploaded",
                info.name(), String.format(Locale.US, "%,d", info.rows()), info.from(), info.to());
    }

    /** How a dataset reads in the picker. */
    public String label(DatasetInfo info) {
        String what = DatasetService.SAMPLE_ID.equals(info.id()) ? "bundled synthetic sample" : "uploaded";
        return String.format(Locale.US, "%s (%s, %,d rows, %s to %s)", info.name(), what, info.rows(), info.from(),
                info.to());
    }

    public String rows() {
        return String.format(Locale.US, "%,d", dataset.rows());
    }

    /** A preview value: two decimals, as the seed's rounded {@code head(10)}; volumes are whole numbers. */
    public String cell(PriceRow row, int column) {
        double value = row.values().get(column);
        boolean volume = dataset.columns().get(column).strip().equalsIgnoreCase("volume");
        return String.format(Locale.US, volume ? "%,.0f" : "%,.2f", value);
    }

    /** Skipped rows the examples do not show. */
    public int skippedNotShown() {
        return dataset.skipped().count() - dataset.skipped().examples().size();
    }
}
