package deepdash.series;

import deepdash.files.AtomicFiles;
import deepdash.json.Json;
import deepdash.protocol.RunFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A series run's {@code forecast.json} ({@link RunFolder#forecastFile()}): written once at the end,
 * read by the server.
 */
public final class ForecastFiles {

    private ForecastFiles() {
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
    public static Optional<Forecast> read(RunFolder folder) {
        Path file = folder.forecastFile();
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
