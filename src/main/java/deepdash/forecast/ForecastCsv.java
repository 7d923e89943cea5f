package deepdash.forecast;

import deepdash.series.Forecast;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A run's forecast as CSV, one test day a row: {@code date,actual,predicted,naive}, in price units.
 * RFC 4180 (CRLF line ends); dates as {@code YYYY-MM-DD}; each number written with the shortest
 * digits that read back as the same double, so a script that parses the file gets exactly what
 * {@code forecast.json} holds.
 */
public final class ForecastCsv {

    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";
    public static final String[] HEADER = {"date", "actual", "predicted", "naive"};

    private ForecastCsv() {
    }

    public static String write(Forecast forecast) {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180)) {
            printer.printRecord((Object[]) HEADER);
            for (int i = 0; i < forecast.dates().size(); i++) {
                printer.printRecord(forecast.dates().get(i).toString(), number(forecast.actual()[i]),
                        number(forecast.predicted()[i]), number(forecast.naive()[i]));
            }
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException("writing CSV into memory failed", cannotHappen);
        }
        return csv.toString();
    }

    /** Plain digits (no exponent); a value that is not finite is an empty cell. */
    private static String number(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).toPlainString() : "";
    }
}
