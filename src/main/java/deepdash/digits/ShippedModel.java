package deepdash.digits;

import deepdash.json.Json;
import deepdash.model.CnnSpec;
import deepdash.protocol.RunFolder;
import deepdash.protocol.RunRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The trained CNN inside the jar ({@code data/models/cnn-mnist/}, a run folder of the project's own
 * {@code train} command, laid out as {@link RunFolder} says), so a fresh install predicts well
 * before anyone trains.
 */
final class ShippedModel {

    static final String RESOURCE_FOLDER = "/data/models/cnn-mnist/";

    private ShippedModel() {
    }

    /** The run record that was saved with the model: its settings and test accuracy. */
    static RunRecord record() {
        return Record.RECORD;
    }

    /** Read once, when first asked for: start-up does not need it. */
    private static final class Record {

        static final RunRecord RECORD = read();
    }

    private static RunRecord read() {
        try (InputStream in = open(RunFolder.RECORD_FILE)) {
            return Json.mapper().readValue(in, RunRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped model's " + RunFolder.RECORD_FILE, e);
        }
    }

    /**
     * Copies the parameters into {@code modelDir} as {@code cnn-0000.params}: DJL loads MXNet
     * parameters from a folder only, not from a stream.
     */
    static void copyParametersTo(Path modelDir) {
        String fileName = RunFolder.parametersFileName(CnnSpec.NAME);
        Path target = modelDir.resolve(fileName);
        String name = RunFolder.MODEL_FOLDER + "/" + fileName;
        try (InputStream in = open(name)) {
            Files.createDirectories(modelDir);
            Files.copy(in, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the shipped model into " + modelDir, e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = ShippedModel.class.getResourceAsStream(RESOURCE_FOLDER + name);
        if (in == null) {
            throw new IllegalStateException("the jar has no " + RESOURCE_FOLDER + name
                    + "; the build copies data/models/ into it");
        }
        return in;
    }
}
