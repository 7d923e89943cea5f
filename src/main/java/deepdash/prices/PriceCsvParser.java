package deepdash.prices;

import deepdash.i18n.Messages;
import deepdash.i18n.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a daily stock-price CSV file, such as a Yahoo Finance export
 * ({@code Date,Open,High,Low,Close,Adj Close,Volume}), into a {@link ParsedPrices}.
 *
 * <h2>What it accepts</h2>
 * <ul>
 *   <li>A header line naming the columns, in any order, letter case and surrounding whitespace;
 *       extra columns are fine. The date column is the one named {@code Date}, or failing that
 *       {@code Timestamp}, {@code Day} or {@code Time}. Columns with a blank name (the index
 *       column pandas writes) are ignored.</li>
 *   <li>{@code ,}, {@code ;} or tab between columns, whichever the header line uses most.</li>
 *   <li>Numbers with a decimal point, or with a decimal comma in {@code ;}- and tab-delimited
 *       files (see {@link DecimalMark#detect}); quoted numbers with thousands separators such as
 *       {@code "1,234.56"} or {@code "1.234,56"}.</li>
 *   <li>Dates as {@code 2023-01-31}, {@code 1/31/2023}, {@code 01/31/2023} or {@code 2023/01/31},
 *       in any order; the result is sorted ascending. Slashed dates are read month first unless a
 *       part above 12 shows the file writes days first ({@code 31/01/2023}); a file where both
 *       parts of every slashed date are 12 or below is refused as ambiguous, naming the column,
 *       unless the parser was given a {@link DateOrder}.</li>
 *   <li>A currency sign before a number ({@code $1,234.50}, as Nasdaq exports write prices).</li>
 *   <li>UTF-8 with or without a byte-order mark, UTF-16 with one, or Windows-1252; LF, CRLF or CR
 *       line ends, with or without one after the last line.</li>
 * </ul>
 *
 * <h2>Which rows are used</h2>
 * A column is numeric when more than half of the rows that hold any value hold a number in it.
 * A row is used when its date can be read and <em>every</em> numeric column holds a usable
 * value: a number, positive in the price columns ({@code Open}, {@code High}, {@code Low},
 * {@code Close}, {@code Adj Close}) and not negative in {@code Volume}. This is stricter than it
 * has to be for a model that reads only one column, but it means no series ever holds a gap.
 * Other rows are skipped and counted, with the reasons for the first
 * {@value #MAX_SKIPPED_EXAMPLES} kept, each naming its line (the header is line 1) and column:
 * Yahoo's all-{@code null} rows, unreadable dates, missing or non-numeric values, rows with the
 * wrong number of columns, and rows repeating another row's date and values. Lines that are
 * blank or hold only delimiters are ignored without being counted.
 *
 * <h2>What it refuses</h2>
 * With a {@link PriceCsvException}: an empty file, binary content, a first line without a
 * delimiter, no date column, no numeric price column, two columns with the same name, the same
 * date twice with different values, and fewer than {@value #MIN_USABLE_ROWS} usable rows.
 *
 * <p>Instances hold no state and may be shared between threads.
 */
public final class PriceCsvParser {

    /** Fewer days than this give a model nothing to learn from. */
    public static final int MIN_USABLE_ROWS = 30;

    /** How many reasons for skipped rows are kept as examples. */
    public static final int MAX_SKIPPED_EXAMPLES = 5;

    private static final List<String> DATE_COLUMN_NAMES = List.of("date", "timestamp", "day", "time");
    private static final Set<String> MISSING_VALUES = Set.of("", "null", "nan", "n/a", "na", "-");
    private static final char[] DELIMITERS = {',', ';', '\t'};
    private static final int MAX_QUOTED_CHARS = 40;
    private static final int MAX_HEADER_CHARS = 64 * 1024;

    /** The user's choice for ambiguous slashed dates; null to work it out, refusing ambiguous files. */
    private final DateOrder dateOrder;

    /** A parser that works out how slashed dates read, and refuses files where it cannot. */
    public PriceCsvParser() {
        this(null);
    }

    /** @param dateOrder how slashed dates read; null to work it out from the file */
    public PriceCsvParser(DateOrder dateOrder) {
        this.dateOrder = dateOrder;
    }

    /**
     * Reads {@code content} as a price CSV.
     *
     * @param content the whole file
     * @param fileName the name the user gave the file, used only in messages; may be {@code null}
     * @throws PriceCsvException when the file cannot be used, saying why in words for the user
     */
    public ParsedPrices parse(byte[] content, String fileName) throws PriceCsvException {
        try {
            return parse(CsvSource.of(content), fileName);
        } catch (IOException e) {
            throw new UncheckedIOException("reading bytes in memory cannot fail", e);
        }
    }

    /**
     * Reads a file as a price CSV, as a stream: memory grows with the rows used, not with the file.
     *
     * @param file the file, read a few times over
     * @param fileName the name the user gave the file, used only in messages; may be {@code null}
     * @throws PriceCsvException when the file cannot be used, saying why in words for the user
     * @throws IOException when the file cannot be read
     */
    public ParsedPrices parse(Path file, String fileName) throws PriceCsvException, IOException {
        return parse(CsvSource.of(file), fileName);
    }

    /**
     * Three passes over the text, none of which keeps it: the first chooses the encoding (and
     * refuses binary files), the second reads the header and counts which columns hold numbers and
     * which decimal mark they use, the third keeps the usable rows as numbers. The text is read
     * again rather than kept because a file is tens of bytes a row as text and a hundred or more as
     * Java strings, while a row of numbers is eight bytes a column.
     */
    private ParsedPrices parse(CsvSource source, String fileName) throws PriceCsvException, IOException {
        CsvText.Encoding encoding = CsvText.detect(source, fileName);
        String headerLine = firstNonBlankLine(source, encoding);
        if (headerLine == null) {
            throw new PriceCsvException(fileName, Text.of("error.csv.empty"));
        }
        char delimiter = detectDelimiter(headerLine, fileName);
        Survey survey = survey(source, encoding, delimiter, fileName);
        String[] header = survey.header;
        int dateColumn = survey.dateColumn;
        DateOrder order = dateOrder != null ? dateOrder : survey.dateOrder(header[dateColumn], fileName);
        DecimalMark mark = DecimalMark.choose(delimiter, survey.pointOnlyCells, survey.commaOnlyCells);
        List<Integer> numeric = survey.numericColumns(mark);
        if (numeric.stream().allMatch(c -> ColumnNames.isVolume(header[c])) && survey.fittingRows > 0) {
            throw new PriceCsvException(fileName, survey.noPriceColumn(mark, namedColumns(header)));
        }

        SkipLog skips = new SkipLog();
        NumericColumn[] numericColumns = NumericColumn.of(header, numeric);
        UsableRows usable = new UsableRows(numeric.size());
        double[] scratch = new double[numeric.size()];
        boolean[] headerSeen = {false};
        forEachRecord(source, encoding, delimiter, fileName, (line, cells) -> {
            if (!headerSeen[0]) {
                headerSeen[0] = true;
                return;
            }
            String[] fitted = fitColumnCount(cells, header.length);
            if (fitted == null) {
                skips.add(line, Text.of("csv.skip.columns", line, header.length, cells.length));
            } else {
                readRow(line, fitted, header, dateColumn, order, numericColumns, mark, skips, usable, scratch);
            }
        });
        int[] kept = sortAndDropDuplicates(usable, skips, fileName);
        if (kept.length < MIN_USABLE_ROWS) {
            throw new PriceCsvException(fileName, skips.count() > 0
                    ? Text.of("error.csv.too_few_rows_skipped", kept.length, skips.count(), MIN_USABLE_ROWS,
                            skips.reasons().get(0))
                    : Text.of("error.csv.too_few_rows", kept.length, skips.count(), MIN_USABLE_ROWS));
        }
        return toParsedPrices(usable, kept, header, numeric, skips);
    }

    /**
     * The first line holding more than whitespace, cut at {@value #MAX_HEADER_CHARS} characters
     * (no header is longer; the cut keeps a file of one endless line from being held whole);
     * {@code null} when the file is blank.
     */
    private static String firstNonBlankLine(CsvSource source, CsvText.Encoding encoding) throws IOException {
        try (Reader text = new BufferedReader(CsvText.open(source, encoding))) {
            StringBuilder line = new StringBuilder();
            boolean blank = true;
            for (int c = text.read(); c >= 0; c = text.read()) {
                if (c == '\n' || c == '\r') {
                    if (!blank) {
                        return line.toString();
                    }
                    line.setLength(0);
                } else {
                    if (line.length() < MAX_HEADER_CHARS) {
                        line.append((char) c);
                    }
                    blank &= Character.isWhitespace(c);
                }
            }
            return blank ? null : line.toString();
        }
    }

    private static char detectDelimiter(String headerLine, String fileName) throws PriceCsvException {
        char best = 0;
        int bestCount = 0;
        for (char delimiter : DELIMITERS) {
            int count = countOutsideQuotes(headerLine, delimiter);
            if (count > bestCount) {
                best = delimiter;
                bestCount = count;
            }
        }
        if (bestCount == 0) {
            throw new PriceCsvException(fileName, Text.of("error.csv.no_delimiter", quote(headerLine)));
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char wanted) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                count++;
            }
        }
        return count;
    }

    /**
     * Reads the header and counts, for every column that may hold numbers, how many rows hold
     * one. The whole file is tokenized before a header problem is reported, so that a broken
     * quote anywhere is reported first, as it was when the file was tokenized whole.
     */
    private static Survey survey(CsvSource source, CsvText.Encoding encoding, char delimiter, String fileName)
            throws PriceCsvException, IOException {
        Survey survey = new Survey(delimiter);
        forEachRecord(source, encoding, delimiter, fileName, survey::add);
        if (survey.header == null) {
            throw new PriceCsvException(fileName, Text.of("error.csv.only_delimiters"));
        }
        refuseDuplicateNames(survey.header, fileName);
        findDateColumn(survey.header, survey.headerLine, fileName);
        if (survey.dataRows == 0) {
            throw new PriceCsvException(fileName, Text.of("error.csv.no_rows"));
        }
        return survey;
    }

    /** What the parser does with each record: its line and its cells, stripped of whitespace. */
    @FunctionalInterface
    private interface RecordHandler {
        void accept(int line, String[] cells) throws PriceCsvException;
    }

    /** Tokenizes the file as a stream, skipping records whose cells are all empty. */
    private static void forEachRecord(CsvSource source, CsvText.Encoding encoding, char delimiter, String fileName,
            RecordHandler handler) throws PriceCsvException, IOException {
        // Commons CSV rather than String.split: quoted fields may hold the delimiter ("1,234.56"),
        // doubled quotes and even line breaks, and a well-tested RFC 4180 tokenizer gets those and
        // the CR/LF variants right, leaving this class only the rules about prices.
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                // Blank lines come back as records with one empty value, which are dropped below;
                // letting the library skip them would shift the positions it reports.
                .setIgnoreEmptyLines(false)
                .get();
        try (LineCountingReader text = new LineCountingReader(CsvText.open(source, encoding));
                CSVParser parser = CSVParser.builder().setReader(text).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                String[] cells = record.values();
                if (Arrays.stream(cells).allMatch(String::isEmpty)) {
                    continue;
                }
                // Column names and values are compared and reported without surrounding whitespace.
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].strip();
                }
                handler.accept(text.lineOf(record.getCharacterPosition()), cells);
            }
        } catch (CSVException e) {
            throw invalidCsv(fileName, e);
        } catch (UncheckedIOException e) {
            // The record iterator wraps what the tokenizer throws: a broken file, or a failed read.
            if (e.getCause() instanceof CSVException broken) {
                throw invalidCsv(fileName, broken);
            }
            throw e.getCause();
        }
    }

    private static PriceCsvException invalidCsv(String fileName, CSVException e) {
        return new PriceCsvException(fileName, Text.of("error.csv.invalid", e.getMessage()));
    }

    private static void refuseDuplicateNames(String[] header, String fileName) throws PriceCsvException {
        for (int i = 0; i < header.length; i++) {
            for (int j = i + 1; j < header.length; j++) {
                if (!header[i].isEmpty() && header[i].equalsIgnoreCase(header[j])) {
                    throw new PriceCsvException(fileName, Text.of("error.csv.duplicate_name", quote(header[i]), i + 1, j + 1));
                }
            }
        }
    }

    private static int findDateColumn(String[] header, int headerLine, String fileName) throws PriceCsvException {
        int column = indexOfDateColumn(header);
        if (column >= 0) {
            return column;
        }
        for (String name : header) {
            if (PriceDates.parse(name).isPresent()) {
                throw new PriceCsvException(fileName, Text.of("error.csv.no_header", headerLine, quote(name)));
            }
        }
        throw new PriceCsvException(fileName, Text.of("error.csv.no_date_column", namedColumns(header)));
    }

    /** The date column, or -1 when there is none. */
    private static int indexOfDateColumn(String[] header) {
        for (String wanted : DATE_COLUMN_NAMES) {
            for (int c = 0; c < header.length; c++) {
                if (header[c].equalsIgnoreCase(wanted)) {
                    return c;
                }
            }
        }
        return -1;
    }

    /** The row's cells when they fit the header, trailing blank cells aside; else {@code null}. */
    private static String[] fitColumnCount(String[] cells, int columnCount) {
        if (cells.length == columnCount) {
            return cells;
        }
        if (cells.length < columnCount) {
            return null;
        }
        for (int i = columnCount; i < cells.length; i++) {
            if (!cells[i].isEmpty()) {
                return null;
            }
        }
        return Arrays.copyOf(cells, columnCount);
    }

    /**
     * A numeric column with what its name says about its values, worked out once per file rather
     * than once per cell (the name rules use regular expressions).
     */
    private record NumericColumn(int index, String name, boolean price, boolean volume) {

        static NumericColumn[] of(String[] header, List<Integer> numeric) {
            return numeric.stream()
                    .map(c -> new NumericColumn(c, header[c], ColumnNames.isPrice(header[c]),
                            ColumnNames.isVolume(header[c])))
                    .toArray(NumericColumn[]::new);
        }
    }

    /**
     * Adds the row's date and values to {@code usable}, or logs why it cannot be used. Messages
     * are only built for rows that are skipped: this runs once per row of files with a million.
     */
    private static void readRow(int line, String[] cells, String[] header, int dateColumn, DateOrder order,
            NumericColumn[] numeric, DecimalMark mark, SkipLog skips, UsableRows usable, double[] values) {
        String dateCell = cells[dateColumn];
        Optional<LocalDate> date = PriceDates.parse(dateCell, order);
        if (date.isEmpty()) {
            // Plain arguments only: the reasons are stored in dataset.json and read back as they were.
            String expected = order == DateOrder.DMY ? ".dmy" : ".mdy";
            skips.add(line, dateCell.isEmpty()
                    ? Text.of("csv.skip.date_missing" + expected, line, header[dateColumn])
                    : Text.of("csv.skip.not_a_date" + expected, line, header[dateColumn], quote(dateCell)));
            return;
        }
        boolean allMissing = true;
        for (NumericColumn column : numeric) {
            allMissing &= isMissing(cells[column.index()]);
        }
        if (allMissing) {
            skips.add(line, Text.of("csv.skip.no_values", line, quote(cells[numeric[0].index()])));
            return;
        }
        for (int i = 0; i < numeric.length; i++) {
            NumericColumn column = numeric[i];
            String cell = cells[column.index()];
            OptionalDouble value = mark.parse(cell);
            String problem = null;
            if (value.isEmpty()) {
                problem = isMissing(cell) ? "csv.skip.missing_value" : "csv.skip.not_a_number";
            } else if (column.price() && value.getAsDouble() <= 0) {
                problem = "csv.skip.price_not_positive";
            } else if (column.volume() && value.getAsDouble() < 0) {
                problem = "csv.skip.volume_negative";
            }
            if (problem != null) {
                skips.add(line, Text.of(problem, line, column.name(), quote(cell)));
                return;
            }
            values[i] = value.getAsDouble();
        }
        usable.add(line, date.get(), values);
    }

    /**
     * The usable rows' indices in date order, with rows repeating an earlier row's date and
     * values left out (and logged).
     *
     * @throws PriceCsvException when two rows have the same date and different values
     */
    private static int[] sortAndDropDuplicates(UsableRows rows, SkipLog skips, String fileName)
            throws PriceCsvException {
        int[] sorted = rows.byDate();
        int[] kept = new int[sorted.length];
        int count = 0;
        for (int row : sorted) {
            int previous = count == 0 ? -1 : kept[count - 1];
            if (previous < 0 || rows.epochDay(previous) != rows.epochDay(row)) {
                kept[count++] = row;
            } else if (rows.sameValues(previous, row)) {
                skips.add(rows.line(row), Text.of("csv.skip.duplicate", rows.line(row), rows.line(previous),
                        rows.date(row).toString()));
            } else {
                throw new PriceCsvException(fileName, Text.of("error.csv.duplicate_date", rows.date(row), rows.line(previous),
                        rows.line(row)));
            }
        }
        return Arrays.copyOf(kept, count);
    }

    private static ParsedPrices toParsedPrices(UsableRows rows, int[] kept, String[] header, List<Integer> numeric,
            SkipLog skips) {
        List<String> columns = new ArrayList<>();
        Map<String, double[]> values = new LinkedHashMap<>();
        for (int i = 0; i < numeric.size(); i++) {
            String name = header[numeric.get(i)];
            columns.add(name);
            values.put(name, rows.column(i, kept, kept.length));
        }
        return new ParsedPrices(EpochDayList.wrap(rows.epochDays(kept, kept.length)), columns, values, skips.count(),
                skips.examples(), skips.reasons());
    }

    private static boolean isMissing(String cell) {
        return MISSING_VALUES.contains(cell.strip().toLowerCase(Locale.ROOT));
    }

    private static String namedColumns(String[] header) {
        return String.join(", ", Arrays.stream(header).filter(name -> !name.isEmpty()).toList());
    }

    /** A value as shown in a message: quoted, and cut short so a stray binary blob stays readable. */
    private static String quote(String value) {
        String shown = value.length() > MAX_QUOTED_CHARS ? value.substring(0, MAX_QUOTED_CHARS) + "..." : value;
        return "'" + shown + "'";
    }

    /**
     * What the second pass learns: the header and, for every column other than the date that may
     * hold numbers, how many rows hold one under each decimal mark. Counts, and no cells but each
     * column's first text and first empty cell, to name a row when the file is refused.
     */
    private static final class Survey {

        private final char delimiter;
        String[] header;
        int headerLine;
        int dateColumn = -1;
        /** The columns that may be numeric: named, and not the date. */
        private int[] candidates = new int[0];
        private int[] pointNumbers = new int[0];
        private int[] commaNumbers = new int[0];
        /**
         * Per candidate, the first line whose cell there is text that is not a number, and the first
         * line of a row with values elsewhere whose cell there is empty (0: none yet).
         */
        private int[] firstTextLine = new int[0];
        private String[] firstTextCell = new String[0];
        private int[] firstMissingLine = new int[0];
        private String[] firstMissingCell = new String[0];
        private int missingToNote;
        /** Data rows, whatever their column count. */
        int dataRows;
        /** Data rows whose cells fit the header. */
        int fittingRows;
        /** Fitting rows with a value in any candidate column. */
        private int rowsWithValues;
        long pointOnlyCells;
        long commaOnlyCells;
        /** Slashed dates, and how many show by a part above 12 that they are day first or month first. */
        private long slashedDates;
        private long dayFirstDates;
        private long monthFirstDates;
        private String exampleDate;

        Survey(char delimiter) {
            this.delimiter = delimiter;
        }

        void add(int line, String[] cells) {
            if (header == null) {
                header = cells;
                headerLine = line;
                dateColumn = indexOfDateColumn(cells);
                if (dateColumn >= 0) {
                    candidates = IntStream.range(0, cells.length)
                            .filter(c -> c != dateColumn && !cells[c].isEmpty())
                            .toArray();
                    pointNumbers = new int[candidates.length];
                    commaNumbers = new int[candidates.length];
                    firstTextLine = new int[candidates.length];
                    firstTextCell = new String[candidates.length];
                    firstMissingLine = new int[candidates.length];
                    firstMissingCell = new String[candidates.length];
                    missingToNote = candidates.length;
                }
                return;
            }
            dataRows++;
            String[] fitted = fitColumnCount(cells, header.length);
            if (fitted == null) {
                return;
            }
            fittingRows++;
            if (dateColumn >= 0) {
                countDate(fitted[dateColumn]);
            }
            boolean anyValue = false;
            boolean anyMissing = false;
            for (int i = 0; i < candidates.length; i++) {
                String cell = fitted[candidates[i]];
                boolean missing = isMissing(cell);
                anyValue |= !missing;
                anyMissing |= missing;
                boolean point = DecimalMark.POINT.parse(cell).isPresent();
                boolean number = point;
                if (point) {
                    pointNumbers[i]++;
                }
                // A comma-delimited file always uses decimal points (see DecimalMark.detect).
                if (delimiter != ',') {
                    boolean comma = DecimalMark.COMMA.parse(cell).isPresent();
                    number |= comma;
                    if (comma) {
                        commaNumbers[i]++;
                    }
                    if (point && !comma) {
                        pointOnlyCells++;
                    } else if (comma && !point) {
                        commaOnlyCells++;
                    }
                }
                if (!number && !missing && firstTextLine[i] == 0) {
                    firstTextLine[i] = line;
                    firstTextCell[i] = cell;
                }
            }
            if (anyValue) {
                rowsWithValues++;
                if (anyMissing && missingToNote > 0) {
                    noteMissing(line, fitted);
                }
            }
        }

        /** Keeps, per candidate column, the first empty cell in a row that has values elsewhere. */
        private void noteMissing(int line, String[] fitted) {
            for (int i = 0; i < candidates.length; i++) {
                String cell = fitted[candidates[i]];
                if (firstMissingLine[i] == 0 && isMissing(cell)) {
                    firstMissingLine[i] = line;
                    firstMissingCell[i] = cell;
                    missingToNote--;
                }
            }
        }

        /**
         * Why no column holds prices, for a file whose rows fit the header. When a column other than
         * the volume holds numbers in some rows but not in most, the message names it, how many rows
         * hold a number there, and the first row that does not: a user whose Close column went wrong
         * halfway needs the line, not only the list of columns.
         */
        Text noPriceColumn(DecimalMark mark, String columns) {
            int[] numbers = mark == DecimalMark.POINT ? pointNumbers : commaNumbers;
            // The column with the most numbers, a price-named one (Close, say) before any other.
            Comparator<Integer> likelier = Comparator
                    .comparing((Integer i) -> ColumnNames.isPrice(header[candidates[i]]))
                    .thenComparingInt(i -> numbers[i]);
            int best = IntStream.range(0, candidates.length)
                    .filter(i -> numbers[i] > 0 && !ColumnNames.isVolume(header[candidates[i]]))
                    .boxed()
                    .max(likelier)
                    .orElse(-1);
            if (best < 0 || firstTextLine[best] == 0 && firstMissingLine[best] == 0) {
                return Text.of("error.csv.no_price_column", columns, "");
            }
            String name = header[candidates[best]];
            Text example = firstTextLine[best] != 0
                    ? Text.of("csv.skip.not_a_number", firstTextLine[best], name, quote(firstTextCell[best]))
                    : Text.of("csv.skip.missing_value", firstMissingLine[best], name, quote(firstMissingCell[best]));
            // The same key, so the same code (csv.no_price_column) for programs that read it.
            return Text.of("error.csv.no_price_column", columns,
                    Text.of("csv.no_price_column.partly", name, numbers[best], rowsWithValues, example));
        }

        private void countDate(String cell) {
            int[] parts = PriceDates.slashedParts(cell);
            if (parts == null) {
                return;
            }
            slashedDates++;
            if (exampleDate == null) {
                exampleDate = cell;
            }
            if (parts[0] > 12 && parts[1] <= 12) {
                dayFirstDates++;
            } else if (parts[1] > 12 && parts[0] <= 12) {
                monthFirstDates++;
            }
        }

        /**
         * How the slashed dates read: day first when only day-first dates show, else month first.
         *
         * @throws PriceCsvException when there are slashed dates and none shows its order
         */
        DateOrder dateOrder(String column, String fileName) throws PriceCsvException {
            if (dayFirstDates > 0 && monthFirstDates == 0) {
                return DateOrder.DMY;
            }
            if (slashedDates > 0 && dayFirstDates == 0 && monthFirstDates == 0) {
                throw new PriceCsvException(fileName, Text.of("error.csv.ambiguous_dates", column, quote(exampleDate),
                        DateOrder.FIELD), DateOrder.FIELD);
            }
            return DateOrder.MDY;
        }

        /** The columns more than half of the rows with any value hold a number in, read with {@code mark}. */
        List<Integer> numericColumns(DecimalMark mark) {
            int[] numbers = mark == DecimalMark.POINT ? pointNumbers : commaNumbers;
            List<Integer> numeric = new ArrayList<>();
            for (int i = 0; i < candidates.length; i++) {
                if (numbers[i] > 0 && 2L * numbers[i] > rowsWithValues) {
                    numeric.add(candidates[i]);
                }
            }
            return numeric;
        }
    }

    /** Counts skipped rows and keeps the reasons for the ones nearest the top of the file. */
    private static final class SkipLog {

        private final TreeMap<Integer, Text> firstReasons = new TreeMap<>();
        private int count;

        void add(int line, Text reason) {
            count++;
            firstReasons.put(line, reason);
            if (firstReasons.size() > MAX_SKIPPED_EXAMPLES) {
                firstReasons.pollLastEntry();
            }
        }

        int count() {
            return count;
        }

        /** The reasons in English, as the API and {@code dataset.json} have always given them. */
        List<String> examples() {
            return firstReasons.values().stream().map(Messages.ENGLISH::format).toList();
        }

        /** The reasons before they are worded, for a page in its reader's language. */
        List<Text> reasons() {
            return List.copyOf(firstReasons.values());
        }
    }
}
