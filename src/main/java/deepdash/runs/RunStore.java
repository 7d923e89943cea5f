package deepdash.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import deepdash.files.AtomicFiles;
import deepdash.json.Json;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The run folders on disk: {@code <runs>/<id>/run.json} (replaced atomically),
 * {@code metrics.jsonl} (append-only, one epoch a line) and {@code model/} (trained parameters).
 * Ids sort by creation time, so the newest run is the last id.
 */
public final class RunStore {

    public static final String RECORD_FILE = "run.json";
    public static final String METRICS_FILE = "metrics.jsonl";
    public static final String MODEL_FOLDER = "model";
    /** A deleted run's folder is renamed to this prefix + its id first; ids never start with a dot. */
    static final String DELETED_PREFIX = ".deleted-";

    /** Ids are created here; anything else (dots, slashes, encoded tricks) cannot name a run. */
    private static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
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

    public static boolean isValidId(String id) {
        return id != null && ID_PATTERN.matcher(id).matches();
    }

    public static String newId(Instant now) {
        return ID_TIME.format(now) + "-" + HexFormat.of().formatHex(randomBytes(3));
    }

    /** The folder of run {@code id}; refuses ids that could point anywhere else. */
    public Path runDir(String id) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("not a run id: " + id);
        }
        return root.resolve(id);
    }

    public boolean exists(String id) {
        return isValidId(id) && Files.isRegularFile(runDir(id).resolve(RECORD_FILE));
    }

    public void write(RunRecord record) {
        writeRecord(runDir(record.id()), record);
    }

    public static void writeRecord(Path runDir, RunRecord record) {
        try {
            Files.createDirectories(runDir);
            AtomicFiles.write(runDir.resolve(RECORD_FILE), Json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + runDir.resolve(RECORD_FILE), e);
        }
    }

    public Optional<RunRecord> read(String id) {
        if (!exists(id)) {
            return Optional.empty();
        }
        return Optional.of(readRecord(runDir(id)));
    }

    public static RunRecord readRecord(Path runDir) {
        Path file = runDir.resolve(RECORD_FILE);
        try {
            return Json.mapper().readValue(file.toFile(), RunRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** All epochs written so far. A torn last line (a crash mid-append) is ignored. */
    public static List<EpochMetrics> readEpochs(Path runDir) {
        Path file = runDir.resolve(METRICS_FILE);
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

    public List<EpochMetrics> readEpochs(String id) {
        return readEpochs(runDir(id));
    }

    public static void appendEpoch(Path runDir, EpochMetrics metrics) {
        try {
            AtomicFiles.appendLine(runDir.resolve(METRICS_FILE), Json.write(metrics));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + runDir.resolve(METRICS_FILE), e);
        }
    }

    /** Every run id on disk, oldest first. */
    public List<String> listIds() {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(p -> Files.isRegularFile(p.resolve(RECORD_FILE)))
                    .map(p -> p.getFileName().toString())
                    .filter(RunStore::isValidId)
                    .sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    public static Path modelDir(Path runDir) {
        return runDir.resolve(MODEL_FOLDER);
    }

    /**
     * The trained parameter files of run {@code id}: regular files ending in {@code .params} directly
     * in its {@code model/} folder. Temp files and folders of a save in progress (hidden names) and
     * links are not model files.
     */
    public List<Path> modelFiles(String id) {
        Path folder = modelDir(runDir(id));
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> p.getFileName().toString().endsWith(".params"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
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
        Path folder = runDir(id);
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
            deleteTree(trash);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the run folder " + folder, e);
        }
    }

    /** Finishes deletions that a crash interrupted (see {@link #delete}). */
    public void sweepDeleted() {
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.filter(p -> p.getFileName().toString().startsWith(DELETED_PREFIX)).toList()) {
                deleteTree(child);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up deleted runs in " + root, e);
        }
    }

    /** Deletes a folder and everything in it; links inside are removed, never followed. */
    private static void deleteTree(Path top) throws IOException {
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
