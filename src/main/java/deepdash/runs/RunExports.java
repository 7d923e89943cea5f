package deepdash.runs;

import deepdash.model.ModelRegistry;
import deepdash.protocol.RunFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A run's files for download: its metrics as CSV (from memory, like the charts) and its trained
 * model as a zip of {@code run.json} and the parameter files in {@code model/}.
 */
public final class RunExports {

    private final RunService runs;
    private final RunStore store;
    private final ModelRegistry models;

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
}
