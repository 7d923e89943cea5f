package deepdash.prices;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date formats price exports use: {@code 2023-01-31}, {@code 1/31/2023},
 * {@code 01/31/2023}, {@code 2023/01/31} and, when the file's order is day first
 * ({@link DateOrder#DMY}), {@code 31/01/2023}.
 *
 * <p>A time after the date ({@code 2023-01-31 00:00:00-05:00}, {@code 1/31/2023 0:00}) is
 * ignored: exports from pandas and Excel add one to daily data. The date is taken as written,
 * not converted between time zones, because it names the trading day. Intraday data therefore
 * shows up as duplicate dates, which the parser refuses.
 */
final class PriceDates {

    private static final String TIME = "(?:[T ].*)?";
    private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})" + TIME);
    private static final Pattern MONTH_FIRST = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})" + TIME);

    private PriceDates() {
    }

    /** A date, reading slashed ones month first. */
    static Optional<LocalDate> parse(String text) {
        return parse(text, DateOrder.MDY);
    }

    /** A date, reading slashed ones ({@code 03/04/2023}) in {@code order}. */
    static Optional<LocalDate> parse(String text, DateOrder order) {
        String s = text.strip();
        try {
            Matcher m = YEAR_FIRST.matcher(s);
            if (m.matches()) {
                return Optional.of(LocalDate.of(number(m, 1), number(m, 3), number(m, 4)));
            }
            m = MONTH_FIRST.matcher(s);
            if (m.matches()) {
                return order == DateOrder.DMY
                        ? Optional.of(LocalDate.of(number(m, 3), number(m, 2), number(m, 1)))
                        : Optional.of(LocalDate.of(number(m, 3), number(m, 1), number(m, 2)));
            }
        } catch (DateTimeException e) {
            // 2023-02-30 and 13/1/2023 match a pattern but name no day
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The first two parts of a slashed date ({@code 03/04/2023} gives 3 and 4); null for any other
     * text. The parser looks at them to tell day-first files from month-first ones.
     */
    static int[] slashedParts(String text) {
        Matcher m = MONTH_FIRST.matcher(text.strip());
        return m.matches() ? new int[] {number(m, 1), number(m, 2)} : null;
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
