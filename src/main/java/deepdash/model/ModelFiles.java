package deepdash.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import deepdash.files.AtomicFiles;
import deepdash.files.FileTrees;
import deepdash.protocol.RunFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves and loads trained parameters so that a crash never leaves a half-written model that
 * later loads: DJL writes into a temp folder, then the file is synced and renamed into place.
 */
public final class ModelFiles {

    private ModelFiles() {
    }

    public static void saveAtomically(Model model, Path modelDir) {
        String name = model.getName();
        try {
            Files.createDirectories(modelDir);
            Path temp = Files.createTempDirectory(modelDir, ".saving-");
            try {
                model.setProperty("Epoch", "0");
                model.save(temp, name);
                AtomicFiles.moveIntoPlace(temp.resolve(RunFolder.parametersFileName(name)),
                        modelDir.resolve(RunFolder.parametersFileName(name)));
            } finally {
                FileTrees.deleteTree(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model into " + modelDir, e);
        }
    }

    public static void load(Model model, Path modelDir) {
        try {
            model.load(modelDir, model.getName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model in " + modelDir, e);
        } catch (MalformedModelException e) {
            throw new IllegalStateException("the model in " + modelDir + " is damaged: " + e.getMessage(), e);
        }
    }
}
