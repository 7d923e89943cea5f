package deepdash.prices;

import java.time.LocalDate;
import java.util.List;

/**
 * One whole column of a dataset, for a chart.
 *
 * @param column the column's name as the file spells it
 * @param dates one per value, ascending
 */
public record PriceSeries(String column, List<LocalDate> dates, double[] values) {

    /**
     * @throws IllegalArgumentException when the dataset has no such column
     */
    public static PriceSeries of(ParsedPrices prices, String column) {
        String name = prices.columnName(column).orElseThrow(() -> new IllegalArgumentException(
                "no column named \"" + column + "\"; the columns are " + String.join(", ", prices.columns())));
        return new PriceSeries(name, prices.dates(), prices.column(name));
    }
}
