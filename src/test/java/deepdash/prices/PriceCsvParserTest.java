package deepdash.prices;

import static deepdash.prices.PriceCsvFixtures.close;
import static deepdash.prices.PriceCsvFixtures.csv;
import static deepdash.prices.PriceCsvFixtures.day;
import static deepdash.prices.PriceCsvFixtures.lines;
import static deepdash.prices.PriceCsvFixtures.utf8;
import static deepdash.prices.PriceCsvFixtures.yahooCsv;
import static deepdash.prices.PriceCsvFixtures.yahooLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import deepdash.i18n.Messages;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file variants {@link PriceCsvParser} reads, and the rows it skips. */
class PriceCsvParserTest {

    private final PriceCsvParser parser = new PriceCsvParser();

    @Test
    void readsYahooExport() throws PriceCsvException {
        ParsedPrices prices = parser.parse(utf8(yahooCsv(40)), "AMZN.csv");

        assertThat(prices.rows()).isEqualTo(40);
        assertThat(prices.from()).isEqualTo(day(0));
        assertThat(prices.to()).isEqualTo(day(39));
        assertThat(prices.columns()).containsExactly("Open", "High", "Low", "Close", "Adj Close", "Volume");
        assertThat(prices.column("Close")[3]).isEqualTo(close(3));
        assertThat(prices.column("Adj Close")[3]).isEqualTo(close(3) - 0.25);
        assertThat(prices.column("Volume")[0]).isEqualTo(1_000_000);
        assertThat(prices.defaultTarget()).isEqualTo("Adj Close");
        assertThat(prices.skippedCount()).isZero();
        assertThat(prices.skippedExamples()).isEmpty();
    }

    @Test
    void skipsYahooNullRowsAndCountsThem() throws PriceCsvException {
        List<String> lines = lines(40, PriceCsvFixtures::yahooLine);
        lines.set(4, day(4) + ",null,null,null,null,null,null");
        lines.set(9, day(9) + ",null,null,null,null,null,null");

        ParsedPrices prices = parser.parse(utf8(csv(PriceCsvFixtures.YAHOO_HEADER, lines)), "y.csv");

        assertThat(prices.rows()).isEqualTo(38);
        assertThat(prices.dates()).doesNotContain(day(4), day(9));
        assertThat(prices.skippedCount()).isEqualTo(2);
        // Data line i is file line i + 2: the header is line 1.
        assertThat(prices.skippedExamples())
                .containsExactly("line 6: no values ('null')", "line 11: no values ('null')");
    }

    @Test
    void readsColumnsInAnyOrderAndLetterCaseWithWhitespace() throws PriceCsvException {
        String csv = csv("  VOLUME , close ,DATE,  open",
                lines(30, i -> (500 + i) + " , " + close(i) + " ," + day(i) + ", 7"));

        ParsedPrices prices = parser.parse(utf8(csv), "mixed.csv");

        assertThat(prices.columns()).containsExactly("VOLUME", "close", "open");
        assertThat(prices.column("Close")[2]).isEqualTo(close(2));
        assertThat(prices.column("volume")[2]).isEqualTo(502);
        assertThat(prices.dates().get(2)).isEqualTo(day(2));
        assertThat(prices.defaultTarget()).isEqualTo("close");
    }

    @Test
    void ignoresTextColumnsAndKeepsExtraNumericColumns() throws PriceCsvException {
        String csv = csv("Symbol,Date,Close,Dividends,Note",
                lines(30, i -> "AMZN," + day(i) + "," + close(i) + ",0," + (i == 3 ? "42" : "split day")));

        ParsedPrices prices = parser.parse(utf8(csv), "extra.csv");

        assertThat(prices.columns()).containsExactly("Close", "Dividends");
        assertThat(prices.column("Dividends")).containsOnly(0.0);
        assertThat(prices.rows()).isEqualTo(30);
    }

    @Test
    void ignoresPandasIndexColumnWithoutName() throws PriceCsvException {
        String csv = csv(",Date,Close", lines(30, i -> i + "," + day(i) + "," + close(i)));

        ParsedPrices prices = parser.parse(utf8(csv), "pandas.csv");

        assertThat(prices.columns()).containsExactly("Close");
    }

    @Test
    void withoutAdjCloseTargetsClose() throws PriceCsvException {
        String csv = csv("Date,Open,High,Low,Close,Volume",
                lines(30, i -> day(i) + ",1,2,0.5," + close(i) + ",100"));

        ParsedPrices prices = parser.parse(utf8(csv), "noadj.csv");

        assertThat(prices.columns()).containsExactly("Open", "High", "Low", "Close", "Volume");
        assertThat(prices.defaultTarget()).isEqualTo("Close");
    }

    @Test
    void withoutCloseTargetsFirstColumnThatIsNotVolume() throws PriceCsvException {
        String csv = csv("Date,Volume,Price,Open", lines(30, i -> day(i) + ",100," + close(i) + ",3"));

        ParsedPrices prices = parser.parse(utf8(csv), "price.csv");

        assertThat(prices.defaultTarget()).isEqualTo("Price");
    }

    @Test
    void readsMonthFirstDatesWithAndWithoutLeadingZeros() throws PriceCsvException {
        String csv = csv("Date,Close", lines(31, i -> {
            LocalDate d = LocalDate.of(2023, 1, 1).plusDays(i);
            String date = i % 2 == 0
                    ? d.getMonthValue() + "/" + d.getDayOfMonth() + "/" + d.getYear()
                    : String.format("%02d/%02d/%d", d.getMonthValue(), d.getDayOfMonth(), d.getYear());
            return date + "," + close(i);
        }));

        ParsedPrices prices = parser.parse(utf8(csv), "mdy.csv");

        assertThat(csv).contains("\n1/31/2023,", "\n01/30/2023,");
        assertThat(prices.rows()).isEqualTo(31);
        assertThat(prices.from()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(prices.to()).isEqualTo(LocalDate.of(2023, 1, 31));
        assertThat(prices.skippedCount()).isZero();
    }

    @Test
    void readsYearFirstSlashDates() throws PriceCsvException {
        String csv = csv("Date,Close", lines(30, i -> day(i).toString().replace('-', '/') + "," + close(i)));

        ParsedPrices prices = parser.parse(utf8(csv), "ymd.csv");

        assertThat(prices.from()).isEqualTo(day(0));
        assertThat(prices.to()).isEqualTo(day(29));
    }

    @Test
    void ignoresTimeOfDayAfterTheDate() throws PriceCsvException {
        String csv = csv("Date,Close", lines(30, i -> day(i) + " 00:00:00-05:00," + close(i)));

        ParsedPrices prices = parser.parse(utf8(csv), "yfinance.csv");

        assertThat(prices.from()).isEqualTo(day(0));
        assertThat(prices.rows()).isEqualTo(30);
    }

    @Test
    void fallsBackToTimestampColumnWhenThereIsNoDateColumn() throws PriceCsvException {
        String csv = csv("Timestamp,Close", lines(30, i -> day(i) + "," + close(i)));

        ParsedPrices prices = parser.parse(utf8(csv), "ts.csv");

        assertThat(prices.rows()).isEqualTo(30);
        assertThat(prices.columns()).containsExactly("Close");
    }

    @Test
    void sortsDescendingInputAscending() throws PriceCsvException {
        List<String> lines = lines(35, PriceCsvFixtures::yahooLine);
        Collections.reverse(lines);

        ParsedPrices prices = parser.parse(utf8(csv(PriceCsvFixtures.YAHOO_HEADER, lines)), "desc.csv");

        assertThat(prices.dates()).isSorted();
        assertThat(prices.from()).isEqualTo(day(0));
        assertThat(prices.to()).isEqualTo(day(34));
        assertThat(prices.column("Close")).startsWith(close(0), close(1));
    }

    @Test
    void readsUtf8ByteOrderMark() throws PriceCsvException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = utf8(yahooCsv(30));
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(body, 0, content, bom.length, body.length);

        ParsedPrices prices = parser.parse(content, "bom.csv");

        // Without stripping the mark the first column would be "\uFEFFDate", and no date column found.
        assertThat(prices.rows()).isEqualTo(30);
        assertThat(prices.from()).isEqualTo(day(0));
    }

    @Test
    void readsUtf16WithByteOrderMarkAsExcelUnicodeTextWritesIt() throws PriceCsvException {
        String text = "\uFEFF" + csv("Date\tClose", lines(30, i -> day(i) + "\t" + close(i)));

        ParsedPrices prices = parser.parse(text.getBytes(StandardCharsets.UTF_16LE), "unicode.txt");

        assertThat(prices.rows()).isEqualTo(30);
    }

    @Test
    void readsWindows1252AsExcelsPlainCsvExportWritesIt() throws PriceCsvException {
        String text = csv("Datum;Schlu\u00dfkurs;Date", lines(30, i -> "x;" + (100 + i) + ",5;" + day(i)));

        ParsedPrices prices = parser.parse(text.getBytes(Charset.forName("windows-1252")), "de.csv");

        assertThat(prices.columns()).containsExactly("Schlu\u00dfkurs");
        assertThat(prices.column("schlu\u00dfkurs")[0]).isEqualTo(100.5);
    }

    @Test
    void readsOldMacLineEnds() throws PriceCsvException {
        List<String> lines = lines(31, PriceCsvFixtures::yahooLine);
        lines.set(30, "bad");
        String csv = csv(PriceCsvFixtures.YAHOO_HEADER, lines).replace('\n', '\r');

        ParsedPrices prices = parser.parse(utf8(csv), "cr.csv");

        assertThat(prices.rows()).isEqualTo(30);
        assertThat(prices.skippedExamples()).containsExactly("line 32: expected 7 columns, found 1");
    }

    @Test
    void namesTheRightLineFarIntoALargeFileReadFromDisk(@TempDir Path dir) throws Exception {
        // Thousands of lines with mixed line ends: many land a CR at the end of one read of the
        // stream and its LF at the start of the next, which must still count as one line end.
        List<String> rows = lines(5000, PriceCsvFixtures::yahooLine);
        rows.set(4321, day(4321) + ",1,2,0.5,oops,1,100");
        StringBuilder text = new StringBuilder(PriceCsvFixtures.YAHOO_HEADER);
        for (int i = 0; i < rows.size(); i++) {
            text.append(i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\r" : "\n").append(rows.get(i));
        }
        Path file = dir.resolve("long.csv");
        Files.write(file, utf8("\uFEFF" + text));

        ParsedPrices prices = parser.parse(file, "long.csv");

        assertThat(prices.rows()).isEqualTo(4999);
        assertThat(prices.skippedExamples()).containsExactly("line 4323, column Close: 'oops' is not a number");
        assertThat(prices.to()).isEqualTo(day(4999));
        assertThat(parser.parse(Files.readAllBytes(file), "long.csv").dates()).isEqualTo(prices.dates());
    }

    @Test
    void readsCrlfLineEnds() throws PriceCsvException {
        String csv = yahooCsv(30).replace("\n", "\r\n");

        ParsedPrices prices = parser.parse(utf8(csv), "crlf.csv");

        assertThat(prices.rows()).isEqualTo(30);
        assertThat(prices.column("Volume")[29]).isEqualTo(1_000_029);
    }

    @Test
    void readsLastLineWithoutLineEnd() throws PriceCsvException {
        String csv = yahooCsv(30).stripTrailing();

        ParsedPrices prices = parser.parse(utf8(csv), "noeol.csv");

        assertThat(prices.rows()).isEqualTo(30);
        assertThat(prices.to()).isEqualTo(day(29));
        assertThat(prices.column("Volume")[29]).isEqualTo(1_000_029);
    }

    @Test
    void readsSemicolonsWithDecimalCommas() throws PriceCsvException {
        String csv = csv("Date;Open;Close;Volume", lines(30, i -> day(i) + ";1234,56;" + (100 + i) + ",25;1000"));

        ParsedPrices prices = parser.parse(utf8(csv), "eu.csv");

        assertThat(prices.column("Open")[0]).isEqualTo(1234.56);
        assertThat(prices.column("Close")[1]).isEqualTo(101.25);
        assertThat(prices.column("Volume")[1]).isEqualTo(1000);
    }

    @Test
    void readsSemicolonsWithQuotedThousandsSeparatorsAndDecimalCommas() throws PriceCsvException {
        String csv = csv("Date;Close;Volume", lines(30, i -> day(i) + ";\"1.234,56\";\"1.500.000\""));

        ParsedPrices prices = parser.parse(utf8(csv), "eu.csv");

        assertThat(prices.column("Close")[0]).isEqualTo(1234.56);
        assertThat(prices.column("Volume")[0]).isEqualTo(1_500_000);
    }

    @Test
    void readsSemicolonsWithDecimalPoints() throws PriceCsvException {
        String csv = csv("Date;Close", lines(30, i -> day(i) + ";" + (150.559998 + i)));

        ParsedPrices prices = parser.parse(utf8(csv), "points.csv");

        assertThat(prices.column("Close")[0]).isEqualTo(150.559998);
    }

    @Test
    void readsTabDelimited() throws PriceCsvException {
        String csv = yahooCsv(30).replace(',', '\t');

        ParsedPrices prices = parser.parse(utf8(csv), "tabs.tsv");

        assertThat(prices.columns()).containsExactly("Open", "High", "Low", "Close", "Adj Close", "Volume");
        assertThat(prices.column("Close")[5]).isEqualTo(close(5));
    }

    @Test
    void readsQuotedNumbersWithThousandsSeparators() throws PriceCsvException {
        String csv = csv("Date,Close,Volume", lines(30, i -> day(i) + ",\"1,234.56\", \"12,345,678\""));

        ParsedPrices prices = parser.parse(utf8(csv), "thousands.csv");

        assertThat(prices.column("Close")[0]).isEqualTo(1234.56);
        assertThat(prices.column("Volume")[0]).isEqualTo(12_345_678);
    }

    @Test
    void skipsRowWithBadDateNamingLineAndColumn() throws PriceCsvException {
        List<String> lines = lines(31, PriceCsvFixtures::yahooLine);
        lines.set(2, lines.get(2).replace(day(2).toString(), "2023-02-30"));

        ParsedPrices prices = parser.parse(utf8(csv(PriceCsvFixtures.YAHOO_HEADER, lines)), "bad.csv");

        assertThat(prices.rows()).isEqualTo(30);
        assertThat(prices.skippedCount()).isEqualTo(1);
        assertThat(prices.skippedExamples()).singleElement().asString()
                .startsWith("line 4, column Date: '2023-02-30' is not a date");
    }

    @Test
    void skipsRowWithNonNumericPrice() throws PriceCsvException {
        List<String> lines = lines(31, PriceCsvFixtures::yahooLine);
        lines.set(0, day(0) + ",1,2,0.5,abc,1,100");

        ParsedPrices prices = parser.parse(utf8(csv(PriceCsvFixtures.YAHOO_HEADER, lines)), "bad.csv");

        assertThat(prices.from()).isEqualTo(day(1));
        assertThat(prices.skippedExamples()).containsExactly("line 2, column Close: 'abc' is not a number");
    }

    @Test
    void skipsRowMissingAValueInAnyNumericColumnVolumeIncluded() throws PriceCsvException {
        List<String> lines = lines(32, PriceCsvFixtures::yahooLine);
        lines.set(3, day(3) + ",1,2,0.5,1,,100");
        lines.set(5, day(5) + ",1,2,0.5,1,1,");

        ParsedPrices prices = parser.parse(utf8(csv(PriceCsvFixtures.YAHOO_HEADER, lines)), "gaps.csv");

        assertThat(prices.rows()).isEqualTo(30);
        assertThat(prices.column("Volume")).doesNotContain(Double.NaN);
        assertThat(prices.skippedExamples()).containsExactly(
                "line 5, column Adj Close: missing value ('')",
                "line 7, column Volume: missing value ('')");
        assertThat(prices.skippedReasons()).map(Messages.KOREAN::format).containsExactly(
                "5번째 줄, Adj Close 열: 값이 없습니다 ('')", "7번째 줄, Volume 열: 값이 없습니다 ('')");
    }

    @Test
    void skipsRowWithPriceThatIsNotPositive() throws PriceCsvException {
        List<String> lines = lines(32, PriceCsvFixtures::yahooLine);
        lines.set(0, day(0) + ",0,2,0.5,1,1,100");
        lines.set(1, day(1) + ",1,2,-0.5,1,1,100");

        ParsedPrices prices = parser.parse(utf8(csv(PriceCsvFixtures.YAHOO_HEADER, lines)), "zero.csv");

        assertThat(prices.skippedExamples()).containsExactly(
                "line 2, column Open: a price must be positive, found '0'",
                "line 3, column Low: a price must be positive, found '-0.5'");
        assertThat(prices.skippedReasons()).map(Messages.KOREAN::format).containsExactly(
                "2번째 줄, Open 열: 가격은 0보다 커야 하는데 '0'입니다",
                "3번째 줄, Low 열: 가격은 0보다 커야 하는데 '-0.5'입니다");
    }

    @Test
    void acceptsZeroVolume() throws PriceCsvException {
        String csv = csv("Date,Close,Volume", lines(30, i -> day(i) + "," + close(i) + ",0"));

        ParsedPrices prices = parser.parse(utf8(csv), "index.csv");

        assertThat(prices.rows()).isEqualTo(30);
        assertThat(prices.column("Volume")).containsOnly(0.0);
    }

    @Test
    void skipsRowsWithWrongColumnCount() throws PriceCsvException {
        List<String> lines = lines(32, PriceCsvFixtures::yahooLine);
        lines.set(0, day(0) + ",0.50 Dividend");
        lines.set(1, yahooLine(1) + ",extra");

        ParsedPrices prices = parser.parse(utf8(csv(PriceCsvFixtures.YAHOO_HEADER, lines)), "count.csv");

        assertThat(prices.rows()).isEqualTo(30);
        assertThat(prices.skippedExamples()).containsExactly(
                "line 2: expected 7 columns, found 2",
                "line 3: expected 7 columns, found 8");
    }

    @Test
    void acceptsTrailingDelimiterOnDataLines() throws PriceCsvException {
        String csv = csv("Date,Close", lines(30, i -> day(i) + "," + close(i) + ","));

        ParsedPrices prices = parser.parse(utf8(csv), "trailing.csv");

        assertThat(prices.rows()).isEqualTo(30);
        assertThat(prices.skippedCount()).isZero();
    }

    @Test
    void keepsTheFirstFiveReasonsButCountsAllSkippedRows() throws PriceCsvException {
        List<String> lines = lines(30, PriceCsvFixtures::yahooLine);
        // Bad rows at the end and a duplicate at the start: examples are still in file order.
        for (int i = 0; i < 8; i++) {
            lines.add("not a date,1,2,3,4,5,6");
        }
        lines.add(1, yahooLine(0));

        ParsedPrices prices = parser.parse(utf8(csv(PriceCsvFixtures.YAHOO_HEADER, lines)), "many.csv");

        assertThat(prices.skippedCount()).isEqualTo(9);
        assertThat(prices.skippedExamples()).hasSize(PriceCsvParser.MAX_SKIPPED_EXAMPLES);
        assertThat(prices.skippedExamples().get(0)).isEqualTo("line 3: duplicate of line 2 (" + day(0) + ")");
        assertThat(prices.skippedExamples().get(1)).startsWith("line 33, column Date: 'not a date' is not a date");
        // The same reasons, worded in Korean for a Korean page; line numbers and cells stay as they are.
        assertThat(prices.skippedReasons()).hasSize(PriceCsvParser.MAX_SKIPPED_EXAMPLES);
        assertThat(prices.skippedReasons()).map(Messages.ENGLISH::format).isEqualTo(prices.skippedExamples());
        assertThat(Messages.KOREAN.format(prices.skippedReasons().get(0)))
                .isEqualTo("3번째 줄: 2번째 줄과 같은 행입니다 (" + day(0) + ")");
        assertThat(Messages.KOREAN.format(prices.skippedReasons().get(1))).isEqualTo(
                "33번째 줄, Date 열: 'not a date'은(는) 날짜가 아닙니다 (YYYY-MM-DD 또는 M/D/YYYY 형식이어야 합니다)");
    }

    @Test
    void skipsIdenticalDuplicateRows() throws PriceCsvException {
        List<String> lines = lines(30, PriceCsvFixtures::yahooLine);
        lines.add(yahooLine(7));

        ParsedPrices prices = parser.parse(utf8(csv(PriceCsvFixtures.YAHOO_HEADER, lines)), "dup.csv");

        assertThat(prices.rows()).isEqualTo(30);
        assertThat(prices.skippedExamples()).containsExactly("line 32: duplicate of line 9 (" + day(7) + ")");
    }

    @Test
    void countsLinesIncludingBlankLinesAndLineBreaksInsideQuotes() throws PriceCsvException {
        List<String> lines = new ArrayList<>(lines(30, PriceCsvFixtures::yahooLine));
        lines.add(0, "");
        lines.add(1, "\"2023-12-01\n\",1,2,3,4,5,6");
        lines.add(2, "2023-12-02,1,2,3,x,5,6");

        ParsedPrices prices = parser.parse(utf8(csv(PriceCsvFixtures.YAHOO_HEADER, lines).replace("\n", "\r\n")),
                "lines.csv");

        // Line 2 is blank, the quoted date spans lines 3 and 4, so the bad close is on line 5.
        assertThat(prices.skippedExamples()).containsExactly("line 5, column Close: 'x' is not a number");
        assertThat(prices.dates()).contains(LocalDate.of(2023, 12, 1));
    }

    @Test
    void ignoresBlankLinesAndLinesOfOnlyDelimitersWithoutCountingThem() throws PriceCsvException {
        String csv = "\n" + yahooCsv(30) + "\n,,,,,,\n   \n";

        ParsedPrices prices = parser.parse(utf8(csv), "excel.csv");

        assertThat(prices.rows()).isEqualTo(30);
        assertThat(prices.skippedCount()).isZero();
    }

    @Test
    void readsRealisticYahooPrecision() throws PriceCsvException {
        String csv = csv(PriceCsvFixtures.YAHOO_HEADER,
                lines(30, i -> day(i) + ",2.730729103088379,2.9666669368743896,2.6656250953674316,"
                        + "2.957813024520874,2.957813024520874,785844000"));

        ParsedPrices prices = parser.parse(utf8(csv), "precise.csv");

        assertThat(prices.column("Close")[0]).isCloseTo(2.957813024520874, within(1e-15));
    }
}
