package deepdash.prices;

import java.util.List;

/**
 * A dataset as the API and the Forecast page show it: its {@link DatasetInfo} fields, the column
 * a model forecasts unless told otherwise, and the first rows rounded to two decimals.
 *
 * @param defaultTarget {@code Adj Close} when present, else {@code Close}
 * @param head the first rows, values in the order of {@code columns}
 * @param sample whether this is the bundled synthetic sample rather than an upload
 */
public record DatasetDetail(
        String id,
        String name,
        int rows,
        String from,
        String to,
        List<String> columns,
        DatasetInfo.Skipped skipped,
        String createdAt,
        String defaultTarget,
        List<PriceRow> head,
        boolean sample) {

    public static DatasetDetail of(DatasetInfo info, ParsedPrices prices, int headRows, boolean sample) {
        return new DatasetDetail(info.id(), info.name(), info.rows(), info.from(), info.to(), info.columns(),
                info.skipped(), info.createdAt(), prices.defaultTarget(), prices.head(headRows), sample);
    }
}
