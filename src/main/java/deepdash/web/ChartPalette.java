package deepdash.web;

import java.util.List;

/**
 * The chart colours, defined once: the compare page gives run {@code i} colour {@code i}, and the
 * layout hands the same list to {@code static/js/charts.js} (the {@code data-chart-colors}
 * attribute of the page), which draws every other chart with it.
 */
public final class ChartPalette {

    public static final List<String> COLORS = List.of("#2563eb", "#ea580c", "#16a34a", "#9333ea", "#dc2626",
            "#0891b2", "#ca8a04", "#db2777", "#4b5563", "#65a30d", "#7c3aed", "#0d9488");

    private ChartPalette() {
    }

    /** The colour of series {@code index}; the palette repeats after its last colour. */
    public static String color(int index) {
        return COLORS.get(index % COLORS.size());
    }

    /** The palette as the page attribute carries it: comma-separated. */
    public static String attribute() {
        return String.join(",", COLORS);
    }
}
