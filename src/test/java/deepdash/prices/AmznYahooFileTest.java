package deepdash.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Parses a real Yahoo Finance export. The file lives outside the project (it may not be
 * redistributed), so the test is skipped in a clone that does not have it.
 */
class AmznYahooFileTest {

    private static final Path AMZN = Path.of("..", "shared", "data", "prices", "AMZN-yahoo-1999-2023.csv");

    @Test
    void readsTheWholeAmazonExport() throws IOException, PriceCsvException {
        assumeTrue(Files.isRegularFile(AMZN), () -> "no " + AMZN.toAbsolutePath().normalize());

        ParsedPrices prices = new PriceCsvParser().parse(Files.readAllBytes(AMZN), AMZN.getFileName().toString());

        assertThat(prices.rows() + prices.skippedCount()).isEqualTo(6283);
        assertThat(prices.skippedCount()).isZero();
        assertThat(prices.from()).isEqualTo(LocalDate.of(1999, 1, 4));
        assertThat(prices.to()).isEqualTo(LocalDate.of(2023, 12, 20));
        assertThat(prices.columns()).containsExactly("Open", "High", "Low", "Close", "Adj Close", "Volume");
        assertThat(prices.defaultTarget()).isEqualTo("Adj Close");
        assertThat(prices.column("Adj Close")[0]).isEqualTo(2.957813024520874);
        assertThat(prices.column("Close")[prices.rows() - 1]).isEqualTo(152.119995);
        assertThat(prices.column("Volume")[0]).isEqualTo(785_844_000);
    }
}
