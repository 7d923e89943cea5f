package deepdash.prices;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import deepdash.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps uploaded price datasets on disk, one folder per dataset:
 * {@code <dir>/<id>/original.csv} (the bytes as uploaded) and {@code <dir>/<id>/dataset.json}
 * (a {@link DatasetInfo}).
 *
 * <p>A dataset appears whole or not at all: both files are written and synced in a
 * {@code .tmp-<random>} folder, which is then renamed to the id in one atomic step. A crash can
 * leave such a temp folder behind, but never a half-written dataset; temp folders are not listed,
 * and {@link #sweepTemporary()} removes them at the next start. A dataset is deleted by renaming
 * its folder to a temp name first, so it disappears in one step too.
 *
 * <p>Safe to use from several threads: each save writes to its own temp folder.
 */
public final class DatasetStore {

    /** The uploaded bytes, kept so that a later parser can read them again. */
    public static final String ORIGINAL_FILE = "original.csv";

    /** The dataset's {@link DatasetInfo} as JSON. */
    public static final String INFO_FILE = "dataset.json";

    private static final Pattern VALID_ID = Pattern.compile("[a-z0-9-]{1,64}");
    private static final String TEMP_PREFIX = ".tmp-";
    private static final int ID_BYTES = 6;
    private static final int MAX_NAME_CHARS = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final PriceCsvParser parser;
    private final Clock clock;
    private final Supplier<String> newIds;

    /**
     * @param dir the folder datasets live in, usually {@code <dataDir>/datasets}; created on the
     *     first save
     */
    public DatasetStore(Path dir) {
        this(dir, new PriceCsvParser(), Clock.systemUTC());
    }

    /**
     * @param dir the folder datasets live in; created on the first save
     * @param parser reads uploads and stored originals
     * @param clock says when a dataset was created
     */
    public DatasetStore(Path dir, PriceCsvParser parser, Clock clock) {
        this(dir, parser, clock, () -> randomHex(ID_BYTES));
    }

    /** Lets tests choose ids, to provoke a failure after the files are written. */
    DatasetStore(Path dir, PriceCsvParser parser, Clock clock, Supplier<String> newIds) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.newIds = Objects.requireNonNull(newIds, "newIds");
    }

    /**
     * Parses an upload and, when it is usable, stores it as a new dataset.
     *
     * @param originalName the file name the browser sent; any folder part is dropped
     * @param content the uploaded bytes
     * @throws PriceCsvException when the file cannot be used; nothing is written then
     * @throws IOException when the dataset cannot be written; nothing is left behind then
     */
    public DatasetInfo save(String originalName, byte[] content) throws PriceCsvException, IOException {
        return save(originalName, new ByteArrayInputStream(content));
    }

    /**
     * Parses an upload and, when it is usable, stores it as a new dataset, streaming it: the
     * bytes go to disk as they come and are parsed from there, never held whole in memory.
     *
     * @param originalName the file name the browser sent; any folder part is dropped
     * @param content the uploaded bytes, read to the end but not closed
     * @throws PriceCsvException when the file cannot be used; nothing is left behind then
     * @throws IOException when the dataset cannot be written; nothing is left behind then
     */
    public DatasetInfo save(String originalName, InputStream content) throws PriceCsvException, IOException {
        return store(null, originalName, content).info();
    }

    /**
     * Parses and stores an upload whose slashed dates read in {@code dateOrder}, as the user chose;
     * the choice is kept with it, so that the file reads the same way every time.
     */
    public DatasetInfo save(String originalName, InputStream content, DateOrder dateOrder)
            throws PriceCsvException, IOException {
        return store(null, originalName, content, dateOrder).info();
    }

    /**
     * Stores a dataset under an id chosen by the caller, such as the bundled sample's.
     *
     * @param id 1 to 64 of {@code a-z}, {@code 0-9} and {@code -}
     * @param content the file's bytes, read to the end but not closed
     * @throws FileAlreadyExistsException when a dataset with this id exists; it is left alone
     * @throws PriceCsvException when the file cannot be used; nothing is left behind then
     */
    public DatasetInfo saveAs(String id, String originalName, InputStream content)
            throws PriceCsvException, IOException {
        if (Files.exists(dir.resolve(checkId(id)))) {
            throw new FileAlreadyExistsException(dir.resolve(id).toString(), null, "a dataset with this id exists");
        }
        return store(id, originalName, content).info();
    }

    /** A dataset just stored, with what the parser read from it. */
    record Stored(DatasetInfo info, ParsedPrices prices) {
    }

    /**
     * Stores a new dataset and returns what was read, so that the caller need not parse it again.
     *
     * @param chosenId the id to use, or {@code null} for a new random one
     */
    Stored store(String chosenId, String originalName, InputStream content) throws PriceCsvException, IOException {
        return store(chosenId, originalName, content, null);
    }

    /** @param dateOrder how slashed dates read, as the user chose; null to work it out from the file */
    Stored store(String chosenId, String originalName, InputStream content, DateOrder dateOrder)
            throws PriceCsvException, IOException {
        String name = cleanName(originalName);
        Files.createDirectories(dir);
        Path temp = dir.resolve(TEMP_PREFIX + randomHex(8));
        Files.createDirectory(temp);
        try {
            Path original = temp.resolve(ORIGINAL_FILE);
            // Written first and parsed from disk, so neither the bytes nor their text are in memory.
            Files.copy(content, original);
            ParsedPrices prices = parser(dateOrder).parse(original, name);
            sync(original);
            String id = chosenId != null ? chosenId : newId();
            DatasetInfo info = new DatasetInfo(id, name, prices.rows(), prices.from().toString(),
                    prices.to().toString(), prices.columns(),
                    new DatasetInfo.Skipped(prices.skippedCount(), prices.skippedExamples(), prices.skippedReasons()),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(),
                    dateOrder == null ? null : dateOrder.wireName());
            writeAndSync(temp.resolve(INFO_FILE), InfoJson.WRITER.writeValueAsBytes(info));
            syncDirectory(temp);
            Files.move(temp, dir.resolve(id), StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(dir);
            return new Stored(info, prices);
        } catch (Throwable e) {
            // A refused file too: its copy must not stay behind, and neither may a half-written one.
            deleteQuietly(temp, e);
            throw e;
        }
    }

    /** All datasets, newest first. */
    public List<DatasetInfo> list() throws IOException {
        List<DatasetInfo> infos = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return infos;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                String id = child.getFileName().toString();
                if (VALID_ID.matcher(id).matches()) {
                    readInfo(child).ifPresent(infos::add);
                }
            }
        }
        infos.sort(Comparator.comparing((DatasetInfo info) -> createdAt(info)).reversed()
                .thenComparing(DatasetInfo::id));
        return infos;
    }

    /**
     * The dataset with this id, if there is one.
     *
     * @throws IllegalArgumentException when {@code id} is not 1 to 64 of {@code a-z}, {@code 0-9}
     *     and {@code -}, so that no id can reach outside the store's folder
     */
    public Optional<DatasetInfo> find(String id) throws IOException {
        return readInfo(dir.resolve(checkId(id)));
    }

    /**
     * Parses the stored original of a dataset again.
     *
     * @throws IllegalArgumentException when {@code id} is not a valid id (see {@link #find})
     * @throws NoSuchElementException when there is no dataset with this id
     * @throws PriceCsvException when the stored file no longer parses, which only a change to the
     *     parser's rules can cause
     */
    public ParsedPrices load(String id) throws IOException, PriceCsvException {
        DatasetInfo info = find(id).orElseThrow(() -> new NoSuchElementException("no dataset with id " + id));
        return parser(DateOrder.of(info.dateOrder()).orElse(null)).parse(dir.resolve(id).resolve(ORIGINAL_FILE),
                info.name());
    }

    private PriceCsvParser parser(DateOrder dateOrder) {
        return dateOrder == null ? parser : new PriceCsvParser(dateOrder);
    }

    /**
     * Gives a dataset a new name: its {@code dataset.json} is replaced atomically (temp file, sync,
     * rename). Its id and file stay as they are.
     *
     * @param newName what people will read; cut to 200 characters, control characters dropped
     * @return the renamed dataset, or empty when there is no dataset with this id
     * @throws IllegalArgumentException when the id cannot be one or the name is blank
     */
    public Optional<DatasetInfo> rename(String id, String newName) throws IOException {
        String name = newName == null ? "" : newName.replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a dataset's name cannot be blank");
        }
        name = name.length() > MAX_NAME_CHARS ? name.substring(0, MAX_NAME_CHARS) : name;
        Path datasetDir = dir.resolve(checkId(id));
        synchronized (this) {
            Optional<DatasetInfo> info = readInfo(datasetDir);
            if (info.isEmpty()) {
                return Optional.empty();
            }
            DatasetInfo renamed = info.get().withName(name);
            Path temp = datasetDir.resolve(TEMP_PREFIX + INFO_FILE + "-" + randomHex(4));
            try {
                writeAndSync(temp, InfoJson.WRITER.writeValueAsBytes(renamed));
                Files.move(temp, datasetDir.resolve(INFO_FILE), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            syncDirectory(datasetDir);
            return Optional.of(renamed);
        }
    }

    /**
     * Deletes a dataset: its folder is first renamed to a temp name (one atomic step, after which
     * it is gone for readers), then removed; what a crash leaves then, {@link #sweepTemporary()}
     * removes.
     *
     * @return whether there was such a dataset
     */
    public boolean delete(String id) throws IOException {
        Path datasetDir = dir.resolve(checkId(id));
        Path doomed = dir.resolve(TEMP_PREFIX + "deleted-" + id + "-" + randomHex(4));
        synchronized (this) {
            if (!Files.isRegularFile(datasetDir.resolve(INFO_FILE))) {
                return false;
            }
            try {
                Files.move(datasetDir, doomed, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException raced) {
                return false;
            }
        }
        syncDirectory(dir);
        IOException failure = new IOException("cannot remove " + doomed);
        deleteQuietly(doomed, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
        return true;
    }

    /**
     * Removes the {@code .tmp-*} folders that a crash mid-upload or mid-delete left behind. Called
     * once at start-up, before any upload: every temp folder then is a leftover.
     *
     * @return how many were removed
     */
    public int sweepTemporary() throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, TEMP_PREFIX + "*")) {
            children.forEach(leftovers::add);
        }
        IOException failure = new IOException("cannot remove every leftover temp folder in " + dir);
        for (Path leftover : leftovers) {
            deleteQuietly(leftover, failure);
        }
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
        return leftovers.size();
    }

    /** The stored bytes of a dataset, exactly as uploaded. */
    public Path originalFile(String id) {
        return dir.resolve(checkId(id)).resolve(ORIGINAL_FILE);
    }

    /** Whether {@code id} could name a dataset: 1 to 64 of {@code a-z}, {@code 0-9} and {@code -}. */
    public static boolean isValidId(String id) {
        return id != null && VALID_ID.matcher(id).matches();
    }

    private static String checkId(String id) {
        if (id == null || !VALID_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("invalid dataset id: ids are 1 to 64 characters of a-z, 0-9 and -");
        }
        return id;
    }

    private Optional<DatasetInfo> readInfo(Path datasetDir) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(datasetDir.resolve(INFO_FILE));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(InfoJson.READER.readValue(bytes));
    }

    private String newId() {
        String id;
        do {
            id = newIds.get();
        } while (Files.exists(dir.resolve(id)));
        return id;
    }

    /** {@code byteCount} random bytes in hex: ids must not be guessable from one another. */
    private static String randomHex(int byteCount) {
        byte[] bytes = new byte[byteCount];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Instant createdAt(DatasetInfo info) {
        try {
            return Instant.parse(info.createdAt());
        } catch (DateTimeParseException | NullPointerException e) {
            return Instant.EPOCH;
        }
    }

    /** The last part of a browser-sent name: old browsers send a whole Windows path. */
    private static String cleanName(String originalName) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > MAX_NAME_CHARS) {
            name = name.substring(0, MAX_NAME_CHARS);
        }
        return name.isEmpty() ? "upload.csv" : name;
    }

    private static void writeAndSync(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Forces a file written without syncing to disk. */
    private static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /**
     * Syncs a folder's entries, so that new files and renames survive a power cut. Linux allows
     * this; other systems refuse to open a folder as a channel, and there it is skipped.
     */
    private static void syncDirectory(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Best effort only: the data files themselves are already synced.
        }
    }

    /** Removes a temp folder after a failed save, without hiding why the save failed. */
    private static void deleteQuietly(Path folder, Throwable failure) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** The {@code dataset.json} files, indented as they always were; built when datasets are first used. */
    private static final class InfoJson {

        static final ObjectWriter WRITER = Json.mapper().writerWithDefaultPrettyPrinter();
        static final ObjectReader READER = Json.mapper().readerFor(DatasetInfo.class);
    }
}
