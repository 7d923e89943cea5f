package deepdash.prices;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * The rows the parser will use, in file order, as primitive arrays: a line number, a day and
 * one {@code double} per numeric column, about {@code 8 + 8 x columns} bytes a row. The text they
 * were read from is not kept, so the parser's memory follows the rows it keeps, not the file.
 */
final class UsableRows {

    private static final int FIRST_CAPACITY = 256;

    private final int columnCount;
    private int size;
    private int[] lines = new int[FIRST_CAPACITY];
    private int[] epochDays = new int[FIRST_CAPACITY];
    /** Row after row, {@code columnCount} values each. */
    private double[] values;

    UsableRows(int columnCount) {
        this.columnCount = columnCount;
        this.values = new double[FIRST_CAPACITY * columnCount];
    }

    /** Adds a row; {@code rowValues} is copied. */
    void add(int line, LocalDate date, double[] rowValues) {
        if (size == lines.length) {
            int capacity = size * 2;
            lines = Arrays.copyOf(lines, capacity);
            epochDays = Arrays.copyOf(epochDays, capacity);
            values = Arrays.copyOf(values, capacity * columnCount);
        }
        lines[size] = line;
        epochDays[size] = Math.toIntExact(date.toEpochDay());
        System.arraycopy(rowValues, 0, values, size * columnCount, columnCount);
        size++;
    }

    int size() {
        return size;
    }

    int line(int row) {
        return lines[row];
    }

    int epochDay(int row) {
        return epochDays[row];
    }

    LocalDate date(int row) {
        return LocalDate.ofEpochDay(epochDays[row]);
    }

    /** Whether two rows hold the same values, compared as {@link Arrays#equals(double[], double[])} does. */
    boolean sameValues(int row, int other) {
        return Arrays.equals(values, row * columnCount, (row + 1) * columnCount,
                values, other * columnCount, (other + 1) * columnCount);
    }

    /**
     * The rows' indices ordered by date, rows of the same date in file order. Sorting primitive
     * keys (day in the high half, index in the low) keeps this to eight bytes a row.
     */
    int[] byDate() {
        long[] keys = new long[size];
        for (int row = 0; row < size; row++) {
            keys[row] = (long) epochDays[row] << 32 | row;
        }
        Arrays.sort(keys);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }

    /** The days of the given rows, in the given order. */
    int[] epochDays(int[] rows, int count) {
        int[] days = new int[count];
        for (int i = 0; i < count; i++) {
            days[i] = epochDays[rows[i]];
        }
        return days;
    }

    /** One column's values for the given rows, in the given order. */
    double[] column(int column, int[] rows, int count) {
        double[] series = new double[count];
        for (int i = 0; i < count; i++) {
            series[i] = values[rows[i] * columnCount + column];
        }
        return series;
    }
}
