package deepdash.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import deepdash.files.AtomicFiles;
import deepdash.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One run's folder, and the only place that knows its layout. The server and the worker both read
 * and write runs through it:
 *
 * <ul>
 *   <li>{@code run.json}: the {@link RunRecord}, replaced atomically (temp file, fsync, rename);</li>
 *   <li>{@code metrics.jsonl}: one {@link EpochMetrics} a line, append-only; a torn last line is
 *       ignored;</li>
 *   <li>{@code batches.jsonl}: the per-step loss series, one {@link BatchLoss} a line, thinned to
 *       at most {@link #MAX_BATCH_POINTS_PER_EPOCH} an epoch; appended by the server from the
 *       worker's progress lines, without fsync (a point lost in a crash costs nothing); a torn last
 *       line is ignored;</li>
 *   <li>{@code model/<name>-0000.params}: the trained parameters, saved atomically after every epoch;</li>
 *   <li>{@code forecast.json}: a series model's forecast, written once before the run reports its test;</li>
 *   <li>{@code prices.csv}: a series model's copy of its dataset, made when the run is created;</li>
 *   <li>{@code prices.json}: where that copy came from, a {@link PricesSource};</li>
 *   <li>{@code evaluation.json}: an image classifier's answers for every test image, written once
 *       after its test (or later by the server, for runs made before it existed);</li>
 *   <li>{@code label.json}: the run's name and notes, written only by the server when a person edits
 *       them, replaced atomically.</li>
 * </ul>
 *
 * <p>The shipped model in the jar ({@code data/models/cnn-mnist/}) is a run folder too; its
 * resource names come from the constants here.
 */
public record RunFolder(Path path) {

    public static final String RECORD_FILE = "run.json";
    public static final String METRICS_FILE = "metrics.jsonl";
    public static final String BATCHES_FILE = "batches.jsonl";
    /** The per-step loss series keeps at most this many points an epoch. */
    public static final int MAX_BATCH_POINTS_PER_EPOCH = 500;
    public static final String MODEL_FOLDER = "model";
    public static final String FORECAST_FILE = "forecast.json";
    public static final String PRICES_FILE = "prices.csv";
    public static final String PRICES_SOURCE_FILE = "prices.json";
    public static final String EVALUATION_FILE = "evaluation.json";
    public static final String LABEL_FILE = "label.json";
    private static final String PARAMETERS_SUFFIX = ".params";

    /** Ids are made by {@link #newId}; anything else (dots, slashes, encoded tricks) cannot name a run. */
    private static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    public RunFolder {
        path = path.toAbsolutePath().normalize();
    }

    /**
     * A new run id: its creation time to the second, then six hex digits whose top ten bits are the
     * millisecond and the other fourteen random. So ids sort by creation time to the millisecond:
     * two runs started in the same second still list newest first.
     */
    public static String newId(Instant now) {
        int millisecond = now.getNano() / 1_000_000;
        int suffix = millisecond << 14 | RANDOM.nextInt(1 << 14);
        return ID_TIME.format(now) + "-" + String.format("%06x", suffix);
    }

    /** Whether {@code id} could have been made by {@link #newId}: nothing that could point elsewhere. */
    public static boolean isValidId(String id) {
        return id != null && ID_PATTERN.matcher(id).matches();
    }

    /** The run's id: the folder's name. */
    public String id() {
        return path.getFileName().toString();
    }

    public Path recordFile() {
        return path.resolve(RECORD_FILE);
    }

    public Path metricsFile() {
        return path.resolve(METRICS_FILE);
    }

    /** Where the trained parameters are saved. */
    public Path modelDir() {
        return path.resolve(MODEL_FOLDER);
    }

    public Path forecastFile() {
        return path.resolve(FORECAST_FILE);
    }

    public Path pricesFile() {
        return path.resolve(PRICES_FILE);
    }

    /** An image classifier's answers for every test image (see {@code deepdash.evaluation.PredictionSet}). */
    public Path evaluationFile() {
        return path.resolve(EVALUATION_FILE);
    }

    /** The run's name and notes (see {@code deepdash.runs.RunLabel}); absent until someone sets them. */
    public Path labelFile() {
        return path.resolve(LABEL_FILE);
    }

    public boolean hasEvaluation() {
        return Files.isRegularFile(evaluationFile());
    }

    /** The name of the file DJL's {@code Model.load(modelDir, name)} reads: {@code <name>-0000.params}. */
    public static String parametersFileName(String modelName) {
        return modelName + "-0000" + PARAMETERS_SUFFIX;
    }

    public Path parametersFile(String modelName) {
        return modelDir().resolve(parametersFileName(modelName));
    }

    /** Whether the model's parameters have been saved (after its first completed epoch). */
    public boolean hasParameters(String modelName) {
        return Files.isRegularFile(parametersFile(modelName));
    }

    public boolean hasRecord() {
        return Files.isRegularFile(recordFile());
    }

    public void writeRecord(RunRecord record) {
        try {
            Files.createDirectories(path);
            AtomicFiles.write(recordFile(), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + recordFile(), e);
        }
    }

    public RunRecord readRecord() {
        try {
            return Json.mapper().readValue(recordFile().toFile(), RunRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + recordFile(), e);
        }
    }

    /** All epochs written so far. A torn last line (a crash mid-append) is ignored. */
    public List<EpochMetrics> readEpochs() {
        Path file = metricsFile();
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<EpochMetrics> epochs = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    epochs.add(Json.mapper().readValue(line, EpochMetrics.class));
                } catch (JsonProcessingException torn) {
                    // Only the last line can be torn (the file is append-only); skip it.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return epochs;
    }

    /** Appends one epoch and syncs it, so a completed epoch is on disk before it is reported. */
    public void appendEpoch(EpochMetrics metrics) {
        try {
            AtomicFiles.appendLine(metricsFile(), Json.write(metrics));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + metricsFile(), e);
        }
    }

    public Path batchesFile() {
        return path.resolve(BATCHES_FILE);
    }

    /** Appends one point of the per-step loss series (no fsync: see the class comment). */
    public void appendBatchLoss(BatchLoss point) {
        try {
            Files.createDirectories(path);
            Files.writeString(batchesFile(), Json.write(point) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + batchesFile(), e);
        }
    }

    /** The per-step loss series so far, in step order; empty for runs made before it was recorded. */
    public List<BatchLoss> readBatchLosses() {
        Path file = batchesFile();
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<BatchLoss> points = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    points.add(Json.mapper().readValue(line, BatchLoss.class));
                } catch (JsonProcessingException torn) {
                    // A crash mid-append tears the last line only; skip it.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return points;
    }

    /**
     * The trained parameter files: regular files ending in {@code .params} directly in
     * {@code model/}. Temp files and folders of a save in progress (hidden names) and links are not
     * model files.
     */
    public List<Path> parameterFiles() {
        Path folder = modelDir();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> p.getFileName().toString().endsWith(PARAMETERS_SUFFIX))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** Copies a dataset's file in as {@code prices.csv}, atomically. */
    public void copyPrices(Path source) {
        try {
            AtomicFiles.write(pricesFile(), Files.readAllBytes(source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " into " + path, e);
        }
    }

    /** Copies a dataset's file in as {@code prices.csv} and says where it came from in {@code prices.json}. */
    public void copyPrices(Path source, PricesSource from) {
        copyPrices(source);
        try {
            AtomicFiles.write(pricesSourceFile(), Json.mapper().writeValueAsBytes(from));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pricesSourceFile(), e);
        }
    }

    public Path pricesSourceFile() {
        return path.resolve(PRICES_SOURCE_FILE);
    }

    /** Where {@code prices.csv} came from; empty for runs made before it was recorded, and for image runs. */
    public Optional<PricesSource> pricesSource() {
        Path file = pricesSourceFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(file.toFile(), PricesSource.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
