package deepdash.prices;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The character a file uses between the whole and the fractional part of a number; the other of
 * {@code .} and {@code ,} may then group thousands ({@code 1,234.56} or {@code 1.234,56}).
 *
 * <p>Numbers are matched against patterns instead of handed to {@link Double#parseDouble} so that
 * {@code Infinity}, {@code 0x1p3}, {@code 1d} and badly grouped digits such as {@code 1,23.4} are
 * refused rather than read as something the user did not write.
 */
enum DecimalMark {
    POINT('.', ','),
    COMMA(',', '.');

    private final Pattern plain;
    private final Pattern grouped;
    private final String groupSeparator;

    DecimalMark(char decimal, char group) {
        String d = Pattern.quote(String.valueOf(decimal));
        String g = Pattern.quote(String.valueOf(group));
        this.plain = Pattern.compile("[+-]?(?:\\d+" + d + "?\\d*|" + d + "\\d+)(?:[eE][+-]?\\d+)?");
        this.grouped = Pattern.compile("[+-]?\\d{1,3}(?:" + g + "\\d{3})+(?:" + d + "\\d*)?");
        this.groupSeparator = String.valueOf(group);
    }

    /**
     * The number in {@code cell}, or empty when it is not one written with this mark. A currency
     * sign before the digits ({@code $1,234.50}, {@code -$3.10}, {@code €12,5}), as Nasdaq's
     * exports write prices, is dropped.
     */
    OptionalDouble parse(String cell) {
        String s = withoutCurrency(cell.strip());
        String canonical;
        if (plain.matcher(s).matches()) {
            canonical = s;
        } else if (grouped.matcher(s).matches()) {
            canonical = s.replace(groupSeparator, "");
        } else {
            return OptionalDouble.empty();
        }
        if (this == COMMA) {
            canonical = canonical.replace(',', '.');
        }
        double value = Double.parseDouble(canonical);
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    /** {@code $1,234.50} as {@code 1,234.50}, {@code -$3} as {@code -3}; anything else unchanged. */
    private static String withoutCurrency(String s) {
        Matcher m = CURRENCY.matcher(s);
        return m.matches() ? m.group(1) + m.group(2) : s;
    }

    /** An optional sign, one currency sign, then what must be the number. */
    private static final Pattern CURRENCY = Pattern.compile("([+-]?)\\s*[$€£¥]\\s*(\\S.*)");

    /**
     * Picks the mark most cells can only be read with. A cell such as {@code 1,234} reads under
     * both and does not vote. A comma-delimited file cannot use decimal commas without quoting
     * every number, and nobody writes that, so it is always {@link #POINT}.
     *
     * @param delimiter the file's field delimiter
     * @param cells the cells that might hold numbers
     */
    static DecimalMark detect(char delimiter, Iterable<String> cells) {
        if (delimiter == ',') {
            return POINT;
        }
        long pointOnly = 0;
        long commaOnly = 0;
        for (String cell : cells) {
            boolean point = POINT.parse(cell).isPresent();
            boolean comma = COMMA.parse(cell).isPresent();
            if (point && !comma) {
                pointOnly++;
            } else if (comma && !point) {
                commaOnly++;
            }
        }
        return choose(delimiter, pointOnly, commaOnly);
    }

    /**
     * The mark {@link #detect} picks, from counts made elsewhere (the parser counts while it
     * streams, without keeping the cells).
     *
     * @param pointOnlyCells cells that read only with {@link #POINT}
     * @param commaOnlyCells cells that read only with {@link #COMMA}
     */
    static DecimalMark choose(char delimiter, long pointOnlyCells, long commaOnlyCells) {
        if (delimiter == ',') {
            return POINT;
        }
        if (commaOnlyCells != pointOnlyCells) {
            return commaOnlyCells > pointOnlyCells ? COMMA : POINT;
        }
        // No evidence either way: ';' is the delimiter of locales that write decimal commas.
        return delimiter == ';' ? COMMA : POINT;
    }
}
