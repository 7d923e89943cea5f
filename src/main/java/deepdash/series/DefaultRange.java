package deepdash.series;

import java.time.LocalDate;
import java.util.List;

/**
 * The date range and split a run gets when it names none, and the rule that chose them:
 * <ol>
 * <li>{@link Rule#SEED}: the seed's own setting, 2015-01-01 to 2023-12-31 split on 2022-01-01
 *     (the range clamped to the file's first and last day),
 *     when the file covers it: it has a day in the seed's first month (January 2015) or earlier
 *     and one in its last month (December 2023) or later. A month and not the exact days,
 *     because 2015-01-01 and 2023-12-31 are not trading days and a download made before the
 *     year's end stops a few days short (the seed's own AMZN file ends on 2023-12-20).</li>
 * <li>{@link Rule#LAST_SEVEN_YEARS}: otherwise the last seven years of the file, split at 80% of
 *     those rows.</li>
 * <li>{@link Rule#WHOLE_FILE}: a file shorter than seven years is used whole, split at 80%.</li>
 * </ol>
 *
 * @param from the first day used
 * @param to the last day used
 * @param splitDate the first test day
 * @param rule which rule chose them
 */
public record DefaultRange(LocalDate from, LocalDate to, LocalDate splitDate, Rule rule) {

    public static final LocalDate SEED_FROM = LocalDate.of(2015, 1, 1);
    public static final LocalDate SEED_TO = LocalDate.of(2023, 12, 31);
    public static final LocalDate SEED_SPLIT = LocalDate.of(2022, 1, 1);
    public static final int YEARS = 7;
    /** Where the split falls when the seed's does not apply: after 80% of the rows. */
    public static final double TRAIN_SHARE = 0.8;

    /** Which rule chose the defaults. */
    public enum Rule {
        SEED("the file covers the seed's setting, so the defaults are the seed's: 2015-01-01 to 2023-12-31, "
                + "split on 2022-01-01"),
        LAST_SEVEN_YEARS("the file does not cover the seed's 2015-01-01 to 2023-12-31, so the defaults are its "
                + "last seven years, split after 80% of those days"),
        WHOLE_FILE("the file does not cover the seed's 2015-01-01 to 2023-12-31 and is shorter than seven years, "
                + "so the defaults are the whole file, split after 80% of its days");

        private final String description;

        Rule(String description) {
            this.description = description;
        }

        /** A sentence's worth of why, for the Forecast page. */
        public String description() {
            return description;
        }
    }

    /** The defaults for a file with these trading days (ascending, at least one). */
    public static DefaultRange of(List<LocalDate> dates) {
        if (dates.isEmpty()) {
            throw new IllegalArgumentException("no days");
        }
        LocalDate first = dates.get(0);
        LocalDate last = dates.get(dates.size() - 1);
        if (!first.isAfter(SEED_FROM.withDayOfMonth(SEED_FROM.lengthOfMonth()))
                && !last.isBefore(SEED_TO.withDayOfMonth(1))) {
            // Clamped to the file, so the form's date fields stay within its days; the windows are the same.
            return new DefaultRange(first.isAfter(SEED_FROM) ? first : SEED_FROM,
                    last.isBefore(SEED_TO) ? last : SEED_TO, SEED_SPLIT, Rule.SEED);
        }
        LocalDate sevenYearsBack = last.minusYears(YEARS);
        if (first.isAfter(sevenYearsBack)) {
            return new DefaultRange(first, last, splitAtShare(dates), Rule.WHOLE_FILE);
        }
        List<LocalDate> recent = dates.stream().filter(day -> day.isAfter(sevenYearsBack)).toList();
        return new DefaultRange(recent.get(0), last, splitAtShare(recent), Rule.LAST_SEVEN_YEARS);
    }

    /** The day {@value #TRAIN_SHARE} of the way through {@code dates}. */
    public static LocalDate splitAtShare(List<LocalDate> dates) {
        return dates.get(Math.min(dates.size() - 1, (int) Math.floor(dates.size() * TRAIN_SHARE)));
    }
}
