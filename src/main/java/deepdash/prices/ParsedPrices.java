package deepdash.prices;

import deepdash.i18n.Text;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A daily price series read from a CSV file.
 *
 * <p>Every row holds a value in every column: {@link PriceCsvParser} skips a row in which any
 * numeric column is missing or unusable instead of storing a gap, so no array here holds
 * {@code NaN}.
 *
 * @param dates the trading days, strictly ascending; unmodifiable, held as epoch days
 * @param columns the numeric columns, named as in the file's header and in its order
 * @param values one array per column, keyed by the names in {@code columns}, each as long as
 *     {@code dates}; the arrays are shared, not copied, so callers must not change them (use
 *     {@link #column(String)} for a copy). Being arrays, they make {@code equals} compare by identity
 * @param skippedCount how many data rows of the file were not used
 * @param skippedExamples why the first few of them were not used, naming line and column, in English
 * @param skippedReasons the same reasons before they are worded, for a page in its reader's language;
 *     empty when only the English is known
 */
public record ParsedPrices(
        List<LocalDate> dates,
        List<String> columns,
        Map<String, double[]> values,
        int skippedCount,
        List<String> skippedExamples,
        List<Text> skippedReasons) {

    /** A series whose skipped rows' reasons are known in English only. */
    public ParsedPrices(List<LocalDate> dates, List<String> columns, Map<String, double[]> values, int skippedCount,
            List<String> skippedExamples) {
        this(dates, columns, values, skippedCount, skippedExamples, List.of());
    }

    public ParsedPrices {
        // Kept as epoch days: a long series' LocalDate objects outweighed its prices.
        EpochDayList days = EpochDayList.copyOf(dates);
        dates = days;
        columns = List.copyOf(columns);
        skippedExamples = List.copyOf(skippedExamples);
        skippedReasons = skippedReasons == null ? List.of() : List.copyOf(skippedReasons);
        if (dates.isEmpty()) {
            throw new IllegalArgumentException("a price series needs at least one row");
        }
        for (int i = 1; i < days.size(); i++) {
            if (days.epochDay(i) <= days.epochDay(i - 1)) {
                throw new IllegalArgumentException("dates must be strictly ascending: " + dates.get(i - 1)
                        + " is followed by " + dates.get(i));
            }
        }
        if (Set.copyOf(columns).size() != columns.size()) {
            throw new IllegalArgumentException("column names must be distinct: " + columns);
        }
        if (!values.keySet().equals(Set.copyOf(columns))) {
            throw new IllegalArgumentException("values must have exactly the columns " + columns
                    + ", found " + values.keySet());
        }
        Map<String, double[]> ordered = new LinkedHashMap<>();
        for (String column : columns) {
            double[] series = values.get(column);
            if (series.length != dates.size()) {
                throw new IllegalArgumentException("column " + column + " has " + series.length
                        + " values for " + dates.size() + " dates");
            }
            ordered.put(column, series);
        }
        values = Collections.unmodifiableMap(ordered);
        if (skippedCount < 0) {
            throw new IllegalArgumentException("skippedCount must not be negative: " + skippedCount);
        }
    }

    /** The number of days in the series. */
    public int rows() {
        return dates.size();
    }

    /** The first day. */
    public LocalDate from() {
        return dates.get(0);
    }

    /** The last day. */
    public LocalDate to() {
        return dates.get(dates.size() - 1);
    }

    /**
     * A copy of one column's values, in date order.
     *
     * @param name the column's name in any letter case, such as {@code "adj close"}
     * @throws IllegalArgumentException naming the columns there are, when there is no such column
     */
    public double[] column(String name) {
        return columnName(name).map(column -> values.get(column).clone())
                .orElseThrow(() -> new IllegalArgumentException("no column named '" + name
                        + "'; available columns: " + String.join(", ", columns)));
    }

    /**
     * The name of a column as the file's header spells it, found as {@link #column(String)} finds it:
     * {@code "adj close"} and {@code "adj_close"} both give {@code "Adj Close"}.
     */
    public Optional<String> columnName(String name) {
        String wanted = ColumnNames.normalise(name);
        for (String column : columns) {
            if (column.equalsIgnoreCase(name.strip())) {
                return Optional.of(column);
            }
        }
        // Second try ignoring spaces and punctuation, so "adj_close" finds "Adj Close".
        for (String column : columns) {
            if (ColumnNames.normalise(column).equals(wanted)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /**
     * The column to predict when the user picks none: {@code Adj Close} when there is one
     * (dividends and splits make {@code Close} jump), else {@code Close}, else the first column
     * that is not {@code Volume}.
     */
    public String defaultTarget() {
        for (String preferred : List.of("adjclose", "close")) {
            for (String column : columns) {
                if (ColumnNames.normalise(column).equals(preferred)) {
                    return column;
                }
            }
        }
        for (String column : columns) {
            if (!ColumnNames.isVolume(column)) {
                return column;
            }
        }
        return columns.get(0);
    }

    /**
     * The first {@code n} days (fewer when the series is shorter), with values rounded half up to
     * two decimals for display.
     */
    public List<PriceRow> head(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        int count = Math.min(n, rows());
        List<PriceRow> head = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<Double> row = new ArrayList<>(columns.size());
            for (String column : columns) {
                row.add(roundForDisplay(values.get(column)[i]));
            }
            head.add(new PriceRow(dates.get(i), row));
        }
        return head;
    }

    private static double roundForDisplay(double value) {
        // BigDecimal.valueOf rounds the shortest decimal form, so 2.675 shows as 2.68, not 2.67.
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
