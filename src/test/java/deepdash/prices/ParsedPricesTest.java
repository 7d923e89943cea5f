package deepdash.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The helpers on {@link ParsedPrices}. */
class ParsedPricesTest {

    private static final List<LocalDate> DATES =
            List.of(LocalDate.of(2023, 1, 2), LocalDate.of(2023, 1, 3), LocalDate.of(2023, 1, 4));

    private static ParsedPrices prices() {
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("Close", new double[] {2.675, 10.004, 11});
        values.put("Adj Close", new double[] {2.5, 9.994999, 10.5});
        values.put("Volume", new double[] {1_234_567, 2, 3});
        return new ParsedPrices(DATES, List.of("Close", "Adj Close", "Volume"), values, 1, List.of("line 3: why"));
    }

    @Test
    void describesItsRange() {
        ParsedPrices prices = prices();

        assertThat(prices.rows()).isEqualTo(3);
        assertThat(prices.from()).isEqualTo(LocalDate.of(2023, 1, 2));
        assertThat(prices.to()).isEqualTo(LocalDate.of(2023, 1, 4));
    }

    @Test
    void findsColumnsIgnoringLetterCaseSpacesAndPunctuation() {
        ParsedPrices prices = prices();

        assertThat(prices.column("adj close")).containsExactly(2.5, 9.994999, 10.5);
        assertThat(prices.column(" ADJ_CLOSE ")).containsExactly(2.5, 9.994999, 10.5);
        assertThat(prices.column("close")).containsExactly(2.675, 10.004, 11);
    }

    @Test
    void columnReturnsACopy() {
        ParsedPrices prices = prices();

        prices.column("Close")[0] = -1;

        assertThat(prices.column("Close")[0]).isEqualTo(2.675);
    }

    @Test
    void unknownColumnNamesTheAvailableOnes() {
        assertThatThrownBy(() -> prices().column("Open"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no column named 'Open'; available columns: Close, Adj Close, Volume");
    }

    @Test
    void defaultTargetPrefersAdjClose() {
        assertThat(prices().defaultTarget()).isEqualTo("Adj Close");
    }

    @Test
    void headRoundsToTwoDecimalsForDisplay() {
        List<PriceRow> head = prices().head(2);

        assertThat(head).containsExactly(
                new PriceRow(LocalDate.of(2023, 1, 2), List.of(2.68, 2.5, 1_234_567.0)),
                new PriceRow(LocalDate.of(2023, 1, 3), List.of(10.0, 9.99, 2.0)));
        assertThat(prices().head(10)).hasSize(3);
        assertThat(prices().head(0)).isEmpty();
    }

    @Test
    void refusesInconsistentData() {
        Map<String, double[]> shortColumn = Map.of("Close", new double[] {1, 2});
        Map<String, double[]> closeColumn = Map.of("Close", new double[] {1, 2, 3});

        assertThatThrownBy(() -> new ParsedPrices(DATES, List.of("Close"), shortColumn, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 2 values for 3 dates");
        assertThatThrownBy(() -> new ParsedPrices(DATES, List.of("Open"), closeColumn, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParsedPrices(List.of(DATES.get(1), DATES.get(0), DATES.get(2)),
                List.of("Close"), closeColumn, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly ascending");
    }
}
