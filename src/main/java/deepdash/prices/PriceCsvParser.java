package deepdash.prices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
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
 *       in any order; the result is sorted ascending.</li>
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

    /**
     * Reads {@code content} as a price CSV.
     *
     * @param content the whole file
     * @param fileName the name the user gave the file, used only in messages; may be {@code null}
     * @throws PriceCsvException when the file cannot be used, saying why in words for the user
     */
    public ParsedPrices parse(byte[] content, String fileName) throws PriceCsvException {
        Objects.requireNonNull(content, "content");
        String text = CsvText.decode(content, fileName);
        if (text.isBlank()) {
            throw new PriceCsvException(fileName, "the file is empty");
        }
        char delimiter = detectDelimiter(firstNonBlankLine(text), fileName);
        List<RawRow> records = tokenize(text, delimiter, fileName);
        if (records.isEmpty()) {
            throw new PriceCsvException(fileName, "the file is empty: it holds only delimiters");
        }
        RawRow headerRow = records.get(0);
        String[] header = headerRow.cells();
        refuseDuplicateNames(header, fileName);
        int dateColumn = findDateColumn(header, headerRow.line(), fileName);
        if (records.size() == 1) {
            throw new PriceCsvException(fileName, "the file has a header line but no rows of prices");
        }

        SkipLog skips = new SkipLog();
        List<RawRow> fitting = new ArrayList<>();
        for (RawRow row : records.subList(1, records.size())) {
            String[] cells = fitColumnCount(row.cells(), header.length);
            if (cells == null) {
                skips.add(row.line(), "line " + row.line() + ": expected " + header.length + " columns, found "
                        + row.cells().length);
            } else {
                fitting.add(new RawRow(row.line(), cells));
            }
        }

        List<Integer> candidates = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            if (c != dateColumn && !header[c].isEmpty()) {
                candidates.add(c);
            }
        }
        DecimalMark mark = DecimalMark.detect(delimiter, () -> fitting.stream()
                .flatMap(row -> candidates.stream().map(c -> row.cells()[c]))
                .iterator());
        List<Integer> numeric = findNumericColumns(fitting, candidates, mark);
        if (numeric.stream().allMatch(c -> ColumnNames.isVolume(header[c])) && !fitting.isEmpty()) {
            throw new PriceCsvException(fileName, "no numeric price column: expected columns such as Open, High,"
                    + " Low, Close; found columns: " + namedColumns(header));
        }

        List<UsableRow> usable = new ArrayList<>();
        for (RawRow row : fitting) {
            UsableRow parsed = readRow(row, header, dateColumn, numeric, mark, skips);
            if (parsed != null) {
                usable.add(parsed);
            }
        }
        List<UsableRow> kept = sortAndDropDuplicates(usable, skips, fileName);
        if (kept.size() < MIN_USABLE_ROWS) {
            String detail = "too few usable rows: " + kept.size() + " usable and " + skips.count()
                    + " skipped, but at least " + MIN_USABLE_ROWS + " are needed";
            if (skips.count() > 0) {
                detail += "; first skipped: " + skips.examples().get(0);
            }
            throw new PriceCsvException(fileName, detail);
        }
        return toParsedPrices(kept, header, numeric, skips);
    }

    private static String firstNonBlankLine(String text) {
        return text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
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
            throw new PriceCsvException(fileName, "not a CSV file: the first line has no comma, semicolon or tab"
                    + " between column names (it reads " + quote(headerLine) + "); expected a header line such as"
                    + " Date,Open,High,Low,Close,Adj Close,Volume");
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

    private static List<RawRow> tokenize(String text, char delimiter, String fileName) throws PriceCsvException {
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
        LineIndex lines = new LineIndex(text);
        List<RawRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                String[] cells = record.values();
                if (!Arrays.stream(cells).allMatch(String::isEmpty)) {
                    rows.add(new RawRow(lines.lineOf(record.getCharacterPosition()), cells));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new PriceCsvException(fileName, "not a valid CSV file: " + cause.getMessage()
                    + " (is a quote character missing its closing quote?)");
        }
        for (RawRow row : rows) {
            // Column names and values are compared and reported without surrounding whitespace.
            for (int i = 0; i < row.cells().length; i++) {
                row.cells()[i] = row.cells()[i].strip();
            }
        }
        return rows;
    }

    private static void refuseDuplicateNames(String[] header, String fileName) throws PriceCsvException {
        for (int i = 0; i < header.length; i++) {
            for (int j = i + 1; j < header.length; j++) {
                if (!header[i].isEmpty() && header[i].equalsIgnoreCase(header[j])) {
                    throw new PriceCsvException(fileName, "two columns are named " + quote(header[i])
                            + " (columns " + (i + 1) + " and " + (j + 1) + "); rename one of them");
                }
            }
        }
    }

    private static int findDateColumn(String[] header, int headerLine, String fileName) throws PriceCsvException {
        for (String wanted : DATE_COLUMN_NAMES) {
            for (int c = 0; c < header.length; c++) {
                if (header[c].equalsIgnoreCase(wanted)) {
                    return c;
                }
            }
        }
        for (String name : header) {
            if (PriceDates.parse(name).isPresent()) {
                throw new PriceCsvException(fileName, "no header line: line " + headerLine + " holds data such as "
                        + quote(name) + "; the first line must name the columns, for example"
                        + " Date,Open,High,Low,Close,Adj Close,Volume");
            }
        }
        throw new PriceCsvException(fileName, "no date column: expected a column named Date; found columns: "
                + namedColumns(header));
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

    private static List<Integer> findNumericColumns(List<RawRow> rows, List<Integer> candidates, DecimalMark mark) {
        int rowsWithValues = 0;
        int[] numbers = new int[candidates.size()];
        for (RawRow row : rows) {
            boolean anyValue = false;
            for (int i = 0; i < candidates.size(); i++) {
                String cell = row.cells()[candidates.get(i)];
                anyValue |= !isMissing(cell);
                if (mark.parse(cell).isPresent()) {
                    numbers[i]++;
                }
            }
            if (anyValue) {
                rowsWithValues++;
            }
        }
        List<Integer> numeric = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (numbers[i] > 0 && 2L * numbers[i] > rowsWithValues) {
                numeric.add(candidates.get(i));
            }
        }
        return numeric;
    }

    /** The row's date and values, or {@code null} after logging why it cannot be used. */
    private static UsableRow readRow(RawRow row, String[] header, int dateColumn, List<Integer> numeric,
            DecimalMark mark, SkipLog skips) {
        String at = "line " + row.line();
        String dateCell = row.cells()[dateColumn];
        Optional<LocalDate> date = PriceDates.parse(dateCell);
        if (date.isEmpty()) {
            String problem = dateCell.isEmpty() ? "missing date" : quote(dateCell) + " is not a date";
            skips.add(row.line(), at + ", column " + header[dateColumn] + ": " + problem + " ("
                    + PriceDates.EXPECTED + ")");
            return null;
        }
        if (numeric.stream().allMatch(c -> isMissing(row.cells()[c]))) {
            skips.add(row.line(), at + ": no values (" + quote(row.cells()[numeric.get(0)]) + ")");
            return null;
        }
        double[] values = new double[numeric.size()];
        for (int i = 0; i < numeric.size(); i++) {
            String name = header[numeric.get(i)];
            String cell = row.cells()[numeric.get(i)];
            String where = at + ", column " + name + ": ";
            OptionalDouble value = mark.parse(cell);
            if (value.isEmpty()) {
                skips.add(row.line(), where + (isMissing(cell) ? "missing value (" + quote(cell) + ")"
                        : quote(cell) + " is not a number"));
                return null;
            }
            double v = value.getAsDouble();
            if (ColumnNames.isPrice(name) && v <= 0) {
                skips.add(row.line(), where + "a price must be positive, found " + quote(cell));
                return null;
            }
            if (ColumnNames.isVolume(name) && v < 0) {
                skips.add(row.line(), where + "a volume cannot be negative, found " + quote(cell));
                return null;
            }
            values[i] = v;
        }
        return new UsableRow(row.line(), date.get(), values);
    }

    private static List<UsableRow> sortAndDropDuplicates(List<UsableRow> rows, SkipLog skips, String fileName)
            throws PriceCsvException {
        List<UsableRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(UsableRow::date).thenComparingInt(UsableRow::line));
        List<UsableRow> kept = new ArrayList<>(sorted.size());
        for (UsableRow row : sorted) {
            UsableRow previous = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (previous == null || !previous.date().equals(row.date())) {
                kept.add(row);
            } else if (Arrays.equals(previous.values(), row.values())) {
                skips.add(row.line(), "line " + row.line() + ": duplicate of line " + previous.line() + " ("
                        + row.date() + ")");
            } else {
                throw new PriceCsvException(fileName, "duplicate date " + row.date() + " with different values on"
                        + " lines " + previous.line() + " and " + row.line() + "; keep only one of them");
            }
        }
        return kept;
    }

    private static ParsedPrices toParsedPrices(List<UsableRow> rows, String[] header, List<Integer> numeric,
            SkipLog skips) {
        List<LocalDate> dates = new ArrayList<>(rows.size());
        for (UsableRow row : rows) {
            dates.add(row.date());
        }
        List<String> columns = new ArrayList<>();
        Map<String, double[]> values = new LinkedHashMap<>();
        for (int i = 0; i < numeric.size(); i++) {
            double[] series = new double[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                series[r] = rows.get(r).values()[i];
            }
            String name = header[numeric.get(i)];
            columns.add(name);
            values.put(name, series);
        }
        return new ParsedPrices(dates, columns, values, skips.count(), skips.examples());
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

    /** A record as the tokenizer returned it, with the line of the file it starts on. */
    private record RawRow(int line, String[] cells) {
    }

    /** A row whose date and values all passed, in the order of the numeric columns. */
    private record UsableRow(int line, LocalDate date, double[] values) {
    }

    /** Counts skipped rows and keeps the reasons for the ones nearest the top of the file. */
    private static final class SkipLog {

        private final TreeMap<Integer, String> firstReasons = new TreeMap<>();
        private int count;

        void add(int line, String reason) {
            count++;
            firstReasons.put(line, reason);
            if (firstReasons.size() > MAX_SKIPPED_EXAMPLES) {
                firstReasons.pollLastEntry();
            }
        }

        int count() {
            return count;
        }

        List<String> examples() {
            return List.copyOf(firstReasons.values());
        }
    }

    /** Finds the 1-based line of a character position, counting LF, CRLF and lone CR as line ends. */
    private static final class LineIndex {

        private final int[] lineStarts;

        LineIndex(String text) {
            int[] starts = new int[16];
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                    }
                    starts[count++] = i + 1;
                }
            }
            this.lineStarts = Arrays.copyOf(starts, count);
        }

        int lineOf(long position) {
            int index = Arrays.binarySearch(lineStarts, (int) position);
            return index >= 0 ? index + 1 : -index - 1;
        }
    }
}
