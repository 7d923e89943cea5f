package deepdash.prices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The date formats {@link PriceDates} reads and refuses. */
class PriceDatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2023-01-31", "1/31/2023", "01/31/2023", "2023/01/31", "2023-1-31", " 2023-01-31 ",
        "2023-01-31T00:00:00Z", "2023-01-31 00:00:00-05:00", "1/31/2023 0:00"})
    void readsJanuary31st(String text) {
        assertThat(PriceDates.parse(text)).contains(LocalDate.of(2023, 1, 31));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "2023-02-30", "13/1/2023", "31/01/2023", "2023-01", "20230131", "Jan 31 2023",
        "2023-01-31x", "1/31/23"})
    void refusesWhatIsNotADate(String text) {
        assertThat(PriceDates.parse(text)).isEmpty();
    }
}
