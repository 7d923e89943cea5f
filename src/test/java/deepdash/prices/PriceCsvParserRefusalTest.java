package deepdash.prices;

import static deepdash.prices.PriceCsvFixtures.csv;
import static deepdash.prices.PriceCsvFixtures.day;
import static deepdash.prices.PriceCsvFixtures.lines;
import static deepdash.prices.PriceCsvFixtures.utf8;
import static deepdash.prices.PriceCsvFixtures.yahooCsv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import deepdash.i18n.Messages;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The files {@link PriceCsvParser} refuses, and what it tells the user. */
class PriceCsvParserRefusalTest {

    private final PriceCsvParser parser = new PriceCsvParser();

    @Test
    void refusesEmptyFile() {
        assertThatThrownBy(() -> parser.parse(new byte[0], "empty.csv"))
                .isInstanceOf(PriceCsvException.class)
                .hasMessage("empty.csv: the file is empty");
    }

    @Test
    void refusesFileOfOnlyByteOrderMarkAndBlankLines() {
        byte[] content = utf8("\uFEFF\r\n  \n");

        assertThatThrownBy(() -> parser.parse(content, "blank.csv"))
                .isInstanceOf(PriceCsvException.class)
                .hasMessageContaining("the file is empty");
    }

    @Test
    void refusesFileOfOnlyDelimiters() {
        assertThatThrownBy(() -> parser.parse(utf8(",,,\n,,\n"), "commas.csv"))
                .isInstanceOf(PriceCsvException.class)
                .hasMessageContaining("the file is empty");
    }

    @Test
    void refusesPng() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        assertThatThrownBy(() -> parser.parse(png, "chart.png"))
                .isInstanceOf(PriceCsvException.class)
                .hasMessageStartingWith("chart.png: not a CSV file: it contains binary data");
    }

    @Test
    void refusesNulByteInOtherwiseValidCsv() {
        byte[] content = utf8(yahooCsv(40).replace("2023-01-05", "2023-01-05\0"));

        assertThatThrownBy(() -> parser.parse(content, "nul.csv"))
                .isInstanceOf(PriceCsvException.class)
                .hasMessageContaining("binary data (a NUL byte)");
    }

    @Test
    void refusesSingleColumnWithoutDelimiter() {
        String text = csv("Close", lines(40, i -> String.valueOf(100 + i)));

        assertThatThrownBy(() -> parser.parse(utf8(text), "one.csv"))
                .isInstanceOf(PriceCsvException.class)
                .hasMessageContaining("not a CSV file: the first line has no comma, semicolon or tab")
                .hasMessageContaining("'Close'");
    }

    @Test
    void refusesFileWithoutDateColumnListingTheColumns() {
        String text = csv("When,Open,Close", lines(40, i -> day(i) + ",1,2"));

        assertThatThrownBy(() -> parser.parse(utf8(text), "nodate.csv"))
                .isInstanceOf(PriceCsvException.class)
                .hasMessage("nodate.csv: no date column: expected a column named Date;"
                        + " found columns: When, Open, Close");
    }

    @Test
    void refusesFileWhoseFirstLineIsDataNotHeader() {
        String text = String.join("\n", lines(40, PriceCsvFixtures::yahooLine));

        assertThatThrownBy(() -> parser.parse(utf8(text), "noheader.csv"))
                .isInstanceOf(PriceCsvException.class)
                .hasMessageContaining("no header line: line 1 holds data such as '2023-01-02'");
    }

    @Test
    void refusesFileWithoutNumericPriceColumn() {
        String text = csv("Date,Symbol,Close", lines(40, i -> day(i) + ",AMZN,n/a"));

        assertThatThrownBy(() -> parser.parse(utf8(text), "text.csv"))
                .isInstanceOf(PriceCsvException.class)
                .hasMessage("text.csv: no numeric price column: expected columns such as Open, High, Low, Close;"
                        + " found columns: Date, Symbol, Close");
    }

    @Test
    void refusesAPriceColumnThatTurnsToTextNamingItsFirstRowWithoutANumber() {
        // Symbol holds more numbers than Close, but Close is the price column the user meant.
        String text = csv("Date,Symbol,Close",
                lines(40, i -> day(i) + "," + (i < 15 ? "7" : "AMZN") + "," + (i < 5 ? "100" : "abc")));

        assertThatThrownBy(() -> parser.parse(utf8(text), "partly.csv"))
                .isInstanceOfSatisfying(PriceCsvException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("partly.csv: no numeric price column: expected columns such"
                            + " as Open, High, Low, Close; found columns: Date, Symbol, Close; column Close holds a"
                            + " number in only 5 of 40 rows with values, and a price column needs one in most;"
                            + " first without: line 7, column Close: 'abc' is not a number");
                    assertThat(e.code()).as("the same code as any file without a price column")
                            .isEqualTo("csv.no_price_column");
                    assertThat(e.message(Messages.KOREAN)).contains("Close 열은 값이 있는 행 40개 중 5개에만")
                            .contains("7번째 줄, Close 열: 'abc'은(는) 숫자가 아닙니다");
                });
    }

    @Test
    void refusesAPriceColumnThatEmptiesNamingItsFirstEmptyCell() {
        String text = csv("Date,Note,Close", lines(40, i -> day(i) + ",x," + (i < 5 ? "100" : "")));

        assertThatThrownBy(() -> parser.parse(utf8(text), "empty.csv"))
                .isInstanceOf(PriceCsvException.class)
                .hasMessageContaining("column Close holds a number in only 5 of 40 rows with values")
                .hasMessageContaining("first without: line 7, column Close: missing value ('')");
    }

    @Test
    void refusesATwoRowFileWhoseCloseIsHalfTextNamingTheRow() {
        String text = csv("Date,Close", List.of(day(0) + ",100", day(1) + ",abc"));

        assertThatThrownBy(() -> parser.parse(utf8(text), "two.csv"))
                .isInstanceOf(PriceCsvException.class)
                .hasMessageContaining("only 1 of 2 rows")
                .hasMessageContaining("line 3, column Close: 'abc' is not a number");
    }

    @Test
    void refusesFileWhoseOnlyNumericColumnIsVolume() {
        String text = csv("Date,Volume", lines(40, i -> day(i) + ",1000"));

        assertThatThrownBy(() -> parser.parse(utf8(text), "volume.csv"))
                .isInstanceOf(PriceCsvException.class)
                .hasMessageContaining("no numeric price column");
    }

    @Test
    void refusesSameDateWithDifferentValuesNamingBothLines() {
        List<String> rows = lines(40, PriceCsvFixtures::yahooLine);
        rows.add(day(3) + ",1,2,0.5,1,1,100");

        assertThatThrownBy(() -> parser.parse(utf8(csv(PriceCsvFixtures.YAHOO_HEADER, rows)), "dup.csv"))
                .isInstanceOf(PriceCsvException.class)
                .hasMessage("dup.csv: duplicate date 2023-01-05 with different values on lines 5 and 42;"
                        + " keep only one of them");
    }

    @Test
    void refusesFewerThanThirtyUsableRowsSayingHowManyWereUsableAndSkipped() {
        List<String> rows = lines(29, PriceCsvFixtures::yahooLine);
        rows.add(day(40) + ",null,null,null,null,null,null");
        rows.add(day(41) + ",null,null,null,null,null,null");

        assertThatThrownBy(() -> parser.parse(utf8(csv(PriceCsvFixtures.YAHOO_HEADER, rows)), "short.csv"))
                .isInstanceOf(PriceCsvException.class)
                .hasMessage("short.csv: too few usable rows: 29 usable and 2 skipped, but at least 30 are needed;"
                        + " first skipped: line 31: no values ('null')");
        assertThatThrownBy(() -> parser.parse(utf8(csv(PriceCsvFixtures.YAHOO_HEADER, rows)), "short.csv"))
                .isInstanceOfSatisfying(PriceCsvException.class, e -> assertThat(e.message(Messages.KOREAN))
                        .endsWith("처음 건너뛴 행: 31번째 줄: 값이 없습니다 ('null')"));
    }

    @Test
    void refusesHeaderWithoutRows() {
        assertThatThrownBy(() -> parser.parse(utf8(PriceCsvFixtures.YAHOO_HEADER + "\n"), "header.csv"))
                .isInstanceOf(PriceCsvException.class)
                .hasMessageContaining("the file has a header line but no rows of prices");
    }

    @Test
    void refusesFileWhereEveryRowHasTheWrongColumnCount() {
        String text = csv(PriceCsvFixtures.YAHOO_HEADER, lines(40, i -> day(i) + ",1,2"));

        assertThatThrownBy(() -> parser.parse(utf8(text), "narrow.csv"))
                .isInstanceOf(PriceCsvException.class)
                .hasMessageContaining("0 usable and 40 skipped")
                .hasMessageContaining("line 2: expected 7 columns, found 3");
    }

    @Test
    void refusesUnclosedQuote() {
        String text = yahooCsv(40).replace("2023-01-10,", "\"2023-01-10,");

        assertThatThrownBy(() -> parser.parse(utf8(text), "quote.csv"))
                .isInstanceOf(PriceCsvException.class)
                .hasMessageContaining("not a valid CSV file")
                .hasMessageContaining("quote");
    }

    @Test
    void refusesTwoColumnsWithTheSameName() {
        String text = csv("Date,Close,close", lines(40, i -> day(i) + ",1,2"));

        assertThatThrownBy(() -> parser.parse(utf8(text), "twice.csv"))
                .isInstanceOf(PriceCsvException.class)
                .hasMessageContaining("two columns are named 'Close' (columns 2 and 3)");
    }

    @Test
    void messageLeavesOutUnknownFileName() {
        PriceCsvException refusal = catchRefusal(new byte[0], null);

        assertThat(refusal.getMessage()).isEqualTo("the file is empty");
        assertThat(refusal.detail()).isEqualTo("the file is empty");
        assertThat(refusal.fileName()).isNull();
    }

    private PriceCsvException catchRefusal(byte[] content, String fileName) {
        try {
            parser.parse(content, fileName);
        } catch (PriceCsvException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }
}
