package deepdash.runs;

import deepdash.json.Json;
import deepdash.model.ModelRegistry;
import deepdash.model.ModelSettings;
import deepdash.model.SeriesSettings;
import deepdash.prices.DateOrder;
import deepdash.prices.PriceCsvParser;
import deepdash.protocol.PricesSource;
import deepdash.protocol.RunFolder;
import deepdash.series.Forecast;
import deepdash.series.ForecastFiles;
import deepdash.series.MinMaxScaler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A run's files for download: its metrics as CSV (from memory, like the charts) and its trained
 * model as a zip of everything needed to use it again: {@code run.json} and the parameter files in
 * {@code model/}; for a forecaster also {@code forecast.json}, its copy of the prices
 * ({@code prices.csv}) and the scaling it was trained with ({@code scaler.json}).
 */
public final class RunExports {

    private final RunService runs;
    private final RunStore store;
    private final ModelRegistry models;
    /** A forecast is written once, at the end: its MAE ratio never changes, so lists read it once. */
    private final Map<String, Optional<Double>> maeRatios = new ConcurrentHashMap<>();
    private final Map<String, String> datasetNames = new ConcurrentHashMap<>();

    /** In the zip: how the forecaster scaled prices, so that its parameters can be used again. */
    public static final String SCALER_FILE = "scaler.json";

    public RunExports(RunService runs, RunStore store, ModelRegistry models) {
        this.runs = runs;
        this.store = store;
        this.models = models;
    }

    public String metricsCsv(String id) {
        StringBuilder csv = new StringBuilder();
        try {
            MetricsCsv.write(runs.view(id), models, csv);
        } catch (IOException cannotHappen) {
            throw new IllegalStateException("writing CSV into memory failed", cannotHappen);
        }
        return csv.toString();
    }

    /** Whether run {@code id} has saved parameters; throws {@link RunNotFoundException} for no such run. */
    public boolean hasModel(String id) {
        runs.view(id);
        return !store.modelFiles(id).isEmpty();
    }

    /**
     * A zip of {@code <id>/run.json} and {@code <id>/model/*.params}, or empty when the run has no
     * saved model. Each file is replaced atomically by its writer, so even while a run trains,
     * every file in the zip is whole: the parameters of the latest completed epoch. Built in memory
     * (the seed's models are well under a megabyte) so that "no model" is known before anything is
     * sent.
     */
    public Optional<byte[]> modelZip(String id) {
        runs.view(id);
        List<Path> parameterFiles = store.modelFiles(id);
        if (parameterFiles.isEmpty()) {
            return Optional.empty();
        }
        RunFolder folder = store.folder(id);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            add(zip, id + "/" + RunFolder.RECORD_FILE, folder.recordFile());
            for (Path file : parameterFiles) {
                add(zip, id + "/" + RunFolder.MODEL_FOLDER + "/" + file.getFileName(), file);
            }
            for (Path file : List.of(folder.forecastFile(), folder.pricesFile(), folder.pricesSourceFile())) {
                if (Files.isRegularFile(file)) {
                    add(zip, id + "/" + file.getFileName(), file);
                }
            }
            Optional<byte[]> scaler = scalerJson(id, folder);
            if (scaler.isPresent()) {
                zip.putNextEntry(new ZipEntry(id + "/" + SCALER_FILE));
                zip.write(scaler.get());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model files of run " + id, e);
        }
        return Optional.of(bytes.toByteArray());
    }

    private static void add(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(file, zip);
        zip.closeEntry();
    }

    /** The name of the dataset a series run copied its prices from, as it was when the run was made. */
    public Optional<String> datasetName(String id) {
        // prices.json is written before the run is listed and never changes: read it once.
        String known = datasetNames.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> name = store.folder(id).pricesSource().map(PricesSource::name);
        name.ifPresent(n -> datasetNames.put(id, n));
        return name;
    }

    /**
     * The MAE ratio (model / naive) of a forecasting run that has written its forecast; empty for
     * other runs and until then.
     */
    public Optional<Double> maeRatio(String id) {
        Optional<Double> known = maeRatios.get(id);
        if (known != null) {
            return known;
        }
        Optional<Forecast> forecast = ForecastFiles.read(store.folder(id));
        if (forecast.isEmpty()) {
            return Optional.empty(); // not yet: asked again next time
        }
        Optional<Double> ratio = Optional.ofNullable(forecast.get().maeRatio());
        maeRatios.put(id, ratio);
        return ratio;
    }

    /**
     * The min-max scaling a forecaster was trained with, worked out again from its own copy of the
     * prices and its stored settings, exactly as its worker did. Empty for other models.
     */
    private Optional<byte[]> scalerJson(String id, RunFolder folder) throws IOException {
        ModelSettings settings = models.settings(runs.view(id).config());
        if (!(settings instanceof SeriesSettings series) || !Files.isRegularFile(folder.pricesFile())) {
            return Optional.empty();
        }
        SeriesSettings.Resolved resolved;
        try {
            DateOrder order = folder.pricesSource().flatMap(source -> DateOrder.of(source.dateOrder())).orElse(null);
            resolved = series.resolve(new PriceCsvParser(order).parse(folder.pricesFile(), RunFolder.PRICES_FILE));
        } catch (RuntimeException e) {
            // A run whose settings no longer resolve (an older version's) still exports its parameters.
            return Optional.empty();
        }
        MinMaxScaler scaler = resolved.series().scaler();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "min-max");
        json.put("column", resolved.settings().target());
        json.put("min", scaler.min());
        json.put("max", scaler.max());
        json.put("fittedOn", "the days before splitDate within from..to");
        json.put("from", resolved.settings().from());
        json.put("to", resolved.settings().to());
        json.put("splitDate", resolved.settings().splitDate());
        json.put("window", resolved.settings().window());
        json.put("scale", "scaled = (price - min) / (max - min); the model reads window scaled prices and "
                + "outputs the next one, scaled");
        json.put("inverse", "price = min + scaled * (max - min)");
        return Optional.of(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
    }
}
