package deepdash.prices;

import java.util.Locale;
import java.util.Set;

/** How column names are recognised, shared by the parser and {@link ParsedPrices}. */
final class ColumnNames {

    /** Columns that hold a price, so zero or a negative value means a broken row. */
    private static final Set<String> PRICE_NAMES = Set.of("open", "high", "low", "close", "adjclose");

    private ColumnNames() {
    }

    /**
     * Lower case without spaces or punctuation, so that {@code Adj Close}, {@code adj_close} and
     * {@code Adj. Close} all read as the same column.
     */
    static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    static boolean isVolume(String name) {
        return normalise(name).equals("volume");
    }

    static boolean isPrice(String name) {
        return PRICE_NAMES.contains(normalise(name));
    }
}
