package deepdash.forecast;

import deepdash.files.AtomicFiles;
import deepdash.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files an LSTM run keeps next to {@code run.json}: {@code prices.csv}, a copy of the dataset
 * taken when the run was created (so the run can be repeated even after the upload is gone, and the
 * worker needs nothing outside its folder), and {@code forecast.json}, written once at the end.
 */
public final class ForecastFiles {

    public static final String PRICES_FILE = "prices.csv";
    public static final String FORECAST_FILE = "forecast.json";

    private ForecastFiles() {
    }

    public static Path prices(Path runDir) {
        return runDir.resolve(PRICES_FILE);
    }

    public static Path forecast(Path runDir) {
        return runDir.resolve(FORECAST_FILE);
    }

    /** Copies the price file into the run folder, atomically. */
    public static void copyPrices(Path source, Path runDir) {
        try {
            AtomicFiles.write(prices(runDir), Files.readAllBytes(source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " into " + runDir, e);
        }
    }

    /** Writes {@code forecast.json} atomically: a reader sees all of it or none. */
    public static void write(Path file, Forecast forecast) {
        try {
            AtomicFiles.write(file, Json.mapper().writeValueAsBytes(forecast));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The run's forecast, or empty when it has none (yet). */
    public static Optional<Forecast> read(Path runDir) {
        Path file = forecast(runDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(file.toFile(), Forecast.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
