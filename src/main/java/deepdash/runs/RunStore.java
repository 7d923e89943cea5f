package deepdash.runs;

import deepdash.files.AtomicFiles;
import deepdash.files.FileTrees;
import deepdash.json.Json;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.RunFolder;
import deepdash.protocol.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The runs folder: one {@link RunFolder} per run, named by its id. Ids sort by creation time, so
 * the newest run is the last id. What is inside a run's folder is {@link RunFolder}'s business.
 */
public final class RunStore {

    /** A deleted run's folder is renamed to this prefix + its id first; ids never start with a dot. */
    static final String DELETED_PREFIX = ".deleted-";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;

    public RunStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the runs folder " + this.root, e);
        }
    }

    public Path root() {
        return root;
    }

    /** See {@link RunFolder#isValidId}. */
    public static boolean isValidId(String id) {
        return RunFolder.isValidId(id);
    }

    /** See {@link RunFolder#newId}. */
    public static String newId(Instant now) {
        return RunFolder.newId(now);
    }

    /** The folder of run {@code id}; refuses ids that could point anywhere else. */
    public RunFolder folder(String id) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("not a run id: " + id);
        }
        return new RunFolder(root.resolve(id));
    }

    public boolean exists(String id) {
        return isValidId(id) && folder(id).hasRecord();
    }

    public void write(RunRecord record) {
        folder(record.id()).writeRecord(record);
    }

    public Optional<RunRecord> read(String id) {
        if (!exists(id)) {
            return Optional.empty();
        }
        return Optional.of(folder(id).readRecord());
    }

    /**
     * Run {@code id}'s name and notes; {@link RunLabel#NONE} when none were set.
     *
     * @throws UncheckedIOException when {@code label.json} is there but cannot be read
     */
    public RunLabel readLabel(String id) {
        Path file = folder(id).labelFile();
        if (!Files.isRegularFile(file)) {
            return RunLabel.NONE;
        }
        try {
            RunLabel label = Json.mapper().readValue(file.toFile(), RunLabel.class);
            return label == null ? RunLabel.NONE : label;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Replaces run {@code id}'s {@code label.json} atomically (temp file, fsync, rename): a crash
     * leaves the old label or the new one, and nothing else in the folder is touched.
     */
    public void writeLabel(String id, RunLabel label) {
        Path file = folder(id).labelFile();
        try {
            AtomicFiles.write(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(label));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** All epochs of run {@code id} written so far. */
    public List<EpochMetrics> readEpochs(String id) {
        return folder(id).readEpochs();
    }

    /** Every run id on disk, oldest first. */
    public List<String> listIds() {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(p -> Files.isRegularFile(p.resolve(RunFolder.RECORD_FILE)))
                    .map(p -> p.getFileName().toString())
                    .filter(RunStore::isValidId)
                    .sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /** The trained parameter files of run {@code id} (see {@link RunFolder#parameterFiles()}). */
    public List<Path> modelFiles(String id) {
        return folder(id).parameterFiles();
    }

    /**
     * Removes run {@code id}'s folder and nothing else. The folder is first renamed, in one atomic
     * step, to a hidden name that no listing picks up, so a crash midway never leaves half a run
     * that lists; then its contents are deleted without following links. A link in place of the
     * folder is removed, not what it points to.
     *
     * @return false when there was no such folder
     */
    public boolean delete(String id) {
        Path folder = folder(id).path();
        try {
            if (Files.isSymbolicLink(folder)) {
                Files.delete(folder);
                return true;
            }
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            Path trash = root.resolve(DELETED_PREFIX + id + "-" + HexFormat.of().formatHex(randomBytes(3)));
            Files.move(folder, trash, StandardCopyOption.ATOMIC_MOVE);
            FileTrees.deleteTree(trash);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the run folder " + folder, e);
        }
    }

    /** Finishes deletions that a crash interrupted (see {@link #delete}). */
    public void sweepDeleted() {
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.filter(p -> p.getFileName().toString().startsWith(DELETED_PREFIX)).toList()) {
                FileTrees.deleteTree(child);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up deleted runs in " + root, e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
