package deepdash.prices;

import java.time.LocalDate;
import java.util.List;

/**
 * One day of a price series for display, such as a preview table.
 *
 * @param date the trading day
 * @param values one value per column of {@link ParsedPrices#columns()}, in the same order
 */
public record PriceRow(LocalDate date, List<Double> values) {

    public PriceRow {
        values = List.copyOf(values);
    }
}
