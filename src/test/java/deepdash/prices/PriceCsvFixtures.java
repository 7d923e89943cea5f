package deepdash.prices;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/** Builds small price CSV files in tests, so each test shows only what it varies. */
final class PriceCsvFixtures {

    static final String YAHOO_HEADER = "Date,Open,High,Low,Close,Adj Close,Volume";
    static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 2);

    private PriceCsvFixtures() {
    }

    /** The {@code i}-th day of a fixture, counting from 0 on {@link #FIRST_DAY}. */
    static LocalDate day(int i) {
        return FIRST_DAY.plusDays(i);
    }

    /** The close price on day {@code i} of {@link #yahooLine}. */
    static double close(int i) {
        return 100.5 + i;
    }

    /** A Yahoo data line for day {@code i}, without line end. */
    static String yahooLine(int i) {
        double open = 100 + i;
        return String.format(Locale.ROOT, "%s,%.6f,%.6f,%.6f,%.6f,%.6f,%d",
                day(i), open, open + 2, open - 1, close(i), close(i) - 0.25, 1_000_000 + i);
    }

    /** {@code count} lines made by {@code line}, for i = 0 .. count - 1. */
    static List<String> lines(int count, IntFunction<String> line) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(line.apply(i));
        }
        return lines;
    }

    /** A header and data lines joined with LF, ending with a LF. */
    static String csv(String header, List<String> lines) {
        return header + "\n" + String.join("\n", lines) + "\n";
    }

    /** A Yahoo export of {@code days} days, ascending. */
    static String yahooCsv(int days) {
        return csv(YAHOO_HEADER, lines(days, PriceCsvFixtures::yahooLine));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
