package deepdash.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic sample series and the file shipped from it. */
class SamplePriceGeneratorTest {

    private static final Path SHIPPED = Path.of("data", "prices", "sample-synthetic-prices.csv");

    private final PriceCsvParser parser = new PriceCsvParser();

    @Test
    void sameSeedGivesSameSeriesAndOtherSeedsDiffer() {
        LocalDate from = LocalDate.of(2020, 1, 1);
        LocalDate to = LocalDate.of(2020, 3, 31);

        String first = new SamplePriceGenerator(7).csv(from, to);

        assertThat(new SamplePriceGenerator(7).csv(from, to)).isEqualTo(first);
        assertThat(new SamplePriceGenerator(8).csv(from, to)).isNotEqualTo(first);
    }

    @Test
    void writesBusinessDaysWithConsistentYahooRows() throws PriceCsvException {
        String csv = new SamplePriceGenerator(SamplePriceGenerator.DEFAULT_SEED)
                .csv(SamplePriceGenerator.FIRST_DAY, SamplePriceGenerator.LAST_DAY);

        ParsedPrices prices = parser.parse(csv.getBytes(StandardCharsets.UTF_8), "sample.csv");

        assertThat(csv).startsWith("Date,Open,High,Low,Close,Adj Close,Volume\n");
        assertThat(prices.skippedCount()).isZero();
        assertThat(prices.from()).isEqualTo(LocalDate.of(2015, 1, 2));
        assertThat(prices.to()).isEqualTo(LocalDate.of(2023, 12, 29));
        assertThat(prices.dates()).noneMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY
                || d.getDayOfWeek() == DayOfWeek.SUNDAY);
        assertThat(prices.rows()).isEqualTo(2346);
        double[] open = prices.column("Open");
        double[] high = prices.column("High");
        double[] low = prices.column("Low");
        double[] close = prices.column("Close");
        for (int i = 0; i < prices.rows(); i++) {
            assertThat(high[i]).isGreaterThanOrEqualTo(Math.max(open[i], close[i]));
            assertThat(low[i]).isLessThanOrEqualTo(Math.min(open[i], close[i])).isPositive();
        }
        assertThat(prices.column("Adj Close")).containsExactly(close);
    }

    @Test
    void mainWritesTheFileItIsGiven(@TempDir Path dir) throws IOException {
        Path output = dir.resolve("out").resolve("sample.csv");

        SamplePriceGenerator.main(new String[] {output.toString()});

        assertThat(output).content(StandardCharsets.UTF_8).isEqualTo(new SamplePriceGenerator(
                SamplePriceGenerator.DEFAULT_SEED).csv(SamplePriceGenerator.FIRST_DAY, SamplePriceGenerator.LAST_DAY));
    }

    @Test
    void shippedSampleIsWhatTheGeneratorWrites() throws IOException {
        // The README says the file comes from this generator and seed; this keeps that true.
        assumeThat(SHIPPED).as("run from the project root").exists();

        String shipped = Files.readString(SHIPPED, StandardCharsets.UTF_8).replace("\r\n", "\n");

        assertThat(shipped).isEqualTo(new SamplePriceGenerator(SamplePriceGenerator.DEFAULT_SEED)
                .csv(SamplePriceGenerator.FIRST_DAY, SamplePriceGenerator.LAST_DAY));
    }
}
