package deepdash.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Day-first dates and prices with a currency sign: a file whose slashed dates could be read either
 * way is refused until the user chooses; a part above 12 tells the order by itself; Nasdaq's
 * {@code $1,234.50} is read.
 */
class DateOrderAndCurrencyTest {

    /** 40 weekdays, all in the first twelve days of twelve months: every date reads both ways. */
    static List<LocalDate> ambiguousDays() {
        List<LocalDate> days = new ArrayList<>();
        for (int month = 1; month <= 12 && days.size() < 40; month++) {
            for (int day = 1; day <= 12 && days.size() < 40; day++) {
                LocalDate date = LocalDate.of(2023, month, day);
                if (date.getDayOfWeek().getValue() <= 5) {
                    days.add(date);
                }
            }
        }
        return days;
    }

    static byte[] slashed(List<LocalDate> days, boolean dayFirst) {
        StringBuilder csv = new StringBuilder("Date,Close\n");
        for (int i = 0; i < days.size(); i++) {
            LocalDate d = days.get(i);
            String date = dayFirst ? d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear()
                    : d.getMonthValue() + "/" + d.getDayOfMonth() + "/" + d.getYear();
            csv.append(date).append(',').append(100 + i).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void ambiguousDatesAreRefusedNamingTheColumnAndTheChoice() {
        byte[] file = slashed(ambiguousDays(), true);
        assertThatThrownBy(() -> new PriceCsvParser().parse(file, "eu.csv"))
                .isInstanceOfSatisfying(PriceCsvException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("dateOrder");
                    assertThat(e.getMessage()).contains("eu.csv", "column Date", "ambiguous", "dmy", "mdy");
                });
    }

    @Test
    void theChosenOrderReadsTheSameFileBothWays() {
        List<LocalDate> days = ambiguousDays();
        byte[] file = slashed(days, true);

        ParsedPrices dayFirst = new PriceCsvParser(DateOrder.DMY).parse(file, "eu.csv");
        assertThat(dayFirst.dates()).containsExactlyElementsOf(days);
        assertThat(dayFirst.column("Close")[0]).isEqualTo(100.0);

        ParsedPrices monthFirst = new PriceCsvParser(DateOrder.MDY).parse(file, "eu.csv");
        assertThat(monthFirst.rows()).isEqualTo(days.size());
        // The first line, "2/1/2023" at 100, is 2 January day first and 1 February month first.
        assertThat(monthFirst.dates()).isNotEqualTo(days);
        int february = monthFirst.dates().indexOf(LocalDate.of(2023, 2, 1));
        assertThat(monthFirst.column("Close")[february]).isEqualTo(100.0);
    }

    @Test
    void aDayAbove12ShowsTheFileIsDayFirst() {
        List<LocalDate> days = new ArrayList<>(ambiguousDays());
        days.add(LocalDate.of(2023, 12, 29));
        ParsedPrices prices = new PriceCsvParser().parse(slashed(days, true), "eu.csv");
        assertThat(prices.dates()).containsExactlyElementsOf(days);
        assertThat(prices.skippedCount()).isZero();
    }

    @Test
    void aSecondPartAbove12ShowsTheFileIsMonthFirst() {
        List<LocalDate> days = new ArrayList<>(ambiguousDays());
        days.add(LocalDate.of(2023, 12, 29));
        ParsedPrices prices = new PriceCsvParser().parse(slashed(days, false), "us.csv");
        assertThat(prices.dates()).containsExactlyElementsOf(days);
    }

    @Test
    void isoDatesNeedNoChoice() {
        ParsedPrices prices = new PriceCsvParser().parse(PriceCsvFixtures.utf8(PriceCsvFixtures.yahooCsv(40)),
                "iso.csv");
        assertThat(prices.rows()).isEqualTo(40);
    }

    @Test
    void nasdaqPricesWithADollarSignAndThousandsAreRead() {
        StringBuilder csv = new StringBuilder("Date,Close/Last,Volume,Open,High,Low\n");
        for (int i = 0; i < 40; i++) {
            LocalDate d = LocalDate.of(2023, 3, 1).plusDays(i);
            csv.append(String.format("%02d/%02d/%d,\"$1,%03d.50\",%d,$1234.50,\"$1,240.00\",\"$1,230.25\"%n",
                    d.getMonthValue(), d.getDayOfMonth(), d.getYear(), 200 + i, 1000 + i));
        }
        ParsedPrices prices = new PriceCsvParser().parse(csv.toString().getBytes(StandardCharsets.UTF_8),
                "HistoricalData_AMZN.csv");
        assertThat(prices.rows()).isEqualTo(40);
        assertThat(prices.columns()).contains("Close/Last", "Open", "High", "Low");
        assertThat(prices.column("Close/Last")[0]).isEqualTo(1200.5);
        assertThat(prices.column("Open")[0]).isEqualTo(1234.5);
        assertThat(prices.column("High")[0]).isEqualTo(1240.0);
        assertThat(prices.skippedCount()).isZero();
    }
}
