package deepdash.prices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How {@link DecimalMark} reads numbers and picks a file's decimal mark. */
class DecimalMarkTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1234.56|1234.56", "1,234.56|1234.56", "12,345,678|12345678", "-0.5|-0.5", ".5|0.5", "7|7", "1e3|1000",
        " 42 |42"})
    void readsPointNumbers(String text, double expected) {
        assertThat(DecimalMark.POINT.parse(text)).hasValue(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1234,56|1234.56", "1.234,56|1234.56", "1.500.000|1500000", "-0,5|-0.5"})
    void readsCommaNumbers(String text, double expected) {
        assertThat(DecimalMark.COMMA.parse(text)).hasValue(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "abc", "Infinity", "NaN", "0x1p3", "1d", "1,23.4", "1.2.3", "$", "$$5", "5$x", "1 234"})
    void refusesWhatIsNotAPointNumber(String text) {
        assertThat(DecimalMark.POINT.parse(text)).isEmpty();
    }

    @Test
    void aCurrencySignBeforeTheNumberIsDropped() {
        // Nasdaq's historical-quotes export writes "$1,234.50".
        assertThat(DecimalMark.POINT.parse("$1,234.50")).hasValue(1234.5);
        assertThat(DecimalMark.POINT.parse("$5")).hasValue(5.0);
        assertThat(DecimalMark.POINT.parse(" $ 187.44 ")).hasValue(187.44);
        assertThat(DecimalMark.POINT.parse("-$3.10")).hasValue(-3.1);
        assertThat(DecimalMark.COMMA.parse("€1.234,50")).hasValue(1234.5);
        assertThat(DecimalMark.POINT.parse("£12")).hasValue(12.0);
    }

    @Test
    void commaDelimitedFilesAlwaysUseDecimalPoints() {
        assertThat(DecimalMark.detect(',', List.of("1234,56", "5,5"))).isEqualTo(DecimalMark.POINT);
    }

    @Test
    void majorityOfUnambiguousCellsDecides() {
        assertThat(DecimalMark.detect(';', List.of("150.559998", "151.25", "1,234"))).isEqualTo(DecimalMark.POINT);
        assertThat(DecimalMark.detect('\t', List.of("150,55", "1.234,5", "1,234"))).isEqualTo(DecimalMark.COMMA);
    }

    @Test
    void withoutEvidenceSemicolonMeansCommaAndTabMeansPoint() {
        assertThat(DecimalMark.detect(';', List.of("1,234", "12"))).isEqualTo(DecimalMark.COMMA);
        assertThat(DecimalMark.detect('\t', List.of("1,234", "12"))).isEqualTo(DecimalMark.POINT);
    }
}
