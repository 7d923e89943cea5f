package deepdash.runs;

import deepdash.model.KeyMetric;
import deepdash.model.ModelRegistry;
import deepdash.protocol.EpochMetrics;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A run's epochs as CSV, one epoch a row, for spreadsheets and scripts. Quoted per RFC 4180 (CRLF
 * line ends; a cell with a comma, quote or line break is quoted, its quotes doubled). Text cells
 * that a spreadsheet would read as a formula (they begin with {@code = + - @}, tab or CR) get a
 * leading {@code '}, so opening the file never runs anything. Numbers are written as plain
 * numbers, negative ones included, and a missing value (NaN) is an empty cell.
 */
public final class MetricsCsv {

    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private MetricsCsv() {
    }

    /** The header: the numbers first (what a chart plots), then the text that names the run. */
    public static List<String> header(KeyMetric metric) {
        return List.of("epoch", "elapsedSeconds", "epochSeconds", "samplesPerSecond", "loss", metric.metricName(),
                "val_loss", metric.validationName(), "run", "model", "dataset");
    }

    /** Writes {@code run}'s epochs, with the columns its model's spec names. */
    public static void write(RunView run, ModelRegistry models, Appendable out) throws IOException {
        KeyMetric metric = models.keyMetric(run.model());
        String dataset = models.settings(run.config()).datasetName();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header(metric));
            for (EpochMetrics epoch : run.epochs()) {
                List<String> row = new ArrayList<>(11);
                row.add(Integer.toString(epoch.epoch()));
                row.add(number(epoch.elapsedSeconds()));
                row.add(number(epoch.epochSeconds()));
                row.add(number(epoch.samplesPerSecond()));
                row.add(number(epoch.loss()));
                row.add(number(metric.train(epoch)));
                row.add(number(epoch.valLoss()));
                row.add(number(metric.validation(epoch)));
                row.add(text(run.id()));
                row.add(text(run.model()));
                row.add(text(dataset));
                printer.printRecord(row);
            }
        }
    }

    /**
     * A text cell that no spreadsheet runs as a formula: OWASP's advice for CSV injection, a single
     * quote in front of a leading {@code = + - @}, tab or carriage return.
     */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** A number as a spreadsheet reads it: plain decimal notation, never exponent or "NaN". */
    public static String number(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString(value.longValue());
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
