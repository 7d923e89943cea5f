package deepdash.cell;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * One small heat map of the page: one value per unit, drawn by {@code static/js/cell.js} from its
 * data attributes.
 *
 * @param name what it shows: a gate's name, {@code cell} or {@code hidden}
 * @param scale {@code unit} for values in 0..1 (sigmoid gates), {@code signed} for values around 0
 *     (tanh outputs, states)
 */
public record HeatMap(String name, double[] values, String scale) {

    public static final String UNIT = "unit";
    public static final String SIGNED = "signed";

    /** The values as the canvas reads them: comma-separated, four decimals. */
    public String csv() {
        StringJoiner joined = new StringJoiner(",");
        for (double v : values) {
            joined.add(String.format(Locale.US, "%.4f", v));
        }
        return joined.toString();
    }

    public String mean() {
        return String.format(Locale.US, "%.2f", CellReading.mean(values));
    }

    public int units() {
        return values.length;
    }

    /** The canvas's size in pixels: the units in rows of {@value #COLUMNS}, {@value #PIXELS} pixels each. */
    public int widthPixels() {
        return Math.min(COLUMNS, values.length) * PIXELS;
    }

    public int heightPixels() {
        return (values.length + COLUMNS - 1) / COLUMNS * PIXELS;
    }

    public static final int COLUMNS = 8;
    public static final int PIXELS = 8;
}
