package deepdash.drawings;

import deepdash.digits.DigitPreprocessor;
import deepdash.digits.LabeledDigit;
import deepdash.errors.UserError;
import deepdash.files.AtomicFiles;
import deepdash.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of the drawings folder ({@code <dataDir>/drawings}): each saved drawing is
 * {@code <id>.png}, the canvas PNG exactly as the browser sent it, and {@code <id>.json}
 * ({@link DrawingFile}: label, creation time and the 28x28 model input).
 *
 * <p>The JSON file is what makes a drawing exist: it is written after the PNG and removed before
 * it, each write atomic ({@link AtomicFiles}: temp file, fsync, rename), so a crash leaves at worst
 * a PNG without its JSON, which is never listed. Ids are 16 random hex digits; anything else is
 * refused before a path is built from it, so no id can reach outside the folder. A JSON file that
 * cannot be read (damaged, edited by hand) is skipped and reported in the listing, never fatal.
 *
 * <p>Writes are serialised by one lock, so the cap on the number of drawings holds under
 * concurrent saves; reads need no lock, as every file is replaced whole.
 */
public final class DrawingStore {

    /** How many drawings the folder may hold; a personal test set of a thousand digits is plenty. */
    public static final int DEFAULT_MAX_DRAWINGS = 1_000;
    /**
     * Decimals kept of each input value. The difference (at most 0.00005) is a fiftieth of one
     * 8-bit grey level; it keeps a file near 3 KB instead of 8.
     */
    static final int PIXEL_DECIMALS = 4;
    static final String PNG_SUFFIX = ".png";
    static final String JSON_SUFFIX = ".json";

    private static final Logger LOG = LoggerFactory.getLogger(DrawingStore.class);
    private static final Pattern VALID_ID = Pattern.compile("[0-9a-f]{16}");
    private static final int ID_BYTES = 8;
    private static final float PIXEL_SCALE = (float) Math.pow(10, PIXEL_DECIMALS);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final Clock clock;
    private final int maxDrawings;
    private final Supplier<String> newIds;
    private final Object writeLock = new Object();

    /**
     * @param dir the folder, usually {@link deepdash.AppConfig#drawingsDir()}; created on the first save
     */
    public DrawingStore(Path dir) {
        this(dir, Clock.systemUTC(), DEFAULT_MAX_DRAWINGS);
    }

    /**
     * @param dir the folder; created on the first save
     * @param clock says when a drawing was saved
     * @param maxDrawings how many drawings the folder may hold, at least 1
     */
    public DrawingStore(Path dir, Clock clock, int maxDrawings) {
        this(dir, clock, maxDrawings, () -> HexFormat.of().formatHex(randomBytes()));
    }

    /** Lets tests choose the ids. */
    DrawingStore(Path dir, Clock clock, int maxDrawings, Supplier<String> newIds) {
        if (maxDrawings < 1) {
            throw new IllegalArgumentException("maxDrawings must be at least 1, got " + maxDrawings);
        }
        this.dir = Objects.requireNonNull(dir, "dir");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxDrawings = maxDrawings;
        this.newIds = Objects.requireNonNull(newIds, "newIds");
    }

    public int maxDrawings() {
        return maxDrawings;
    }

    /** Whether {@code id} has the shape of an id this store makes. */
    public static boolean isValidId(String id) {
        return id != null && VALID_ID.matcher(id).matches();
    }

    /**
     * Saves a new drawing.
     *
     * @param png the canvas PNG as sent, already checked by the caller
     * @param label 0..9
     * @param pixels the model input made from {@code png}
     * @return the drawing as stored (its input rounded to {@value #PIXEL_DECIMALS} decimals)
     * @throws UserError 409 when the folder already holds {@link #maxDrawings()} drawings
     */
    public Drawing save(byte[] png, int label, float[] pixels) {
        float[] stored = rounded(pixels);
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        synchronized (writeLock) {
            int count = idsOnDisk().size();
            if (count >= maxDrawings) {
                throw new UserError(409, null, String.format(Locale.US,
                        "the personal test set is full: it holds %,d drawings, the most it may; delete some on "
                                + "My digits first", count));
            }
            String id = freshId();
            Drawing drawing = new Drawing(id, label, createdAt, stored);
            try {
                AtomicFiles.write(pngPath(id), png);
                try {
                    writeJson(drawing);
                } catch (IOException | RuntimeException e) {
                    deleteQuietly(pngPath(id), e);
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save drawing " + id + " in " + dir, e);
            }
            return drawing;
        }
    }

    /** Every drawing that can be read, newest first, and what was skipped. */
    public DrawingListing list() {
        List<Drawing> drawings = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (String id : idsOnDisk()) {
            try {
                drawings.add(read(id));
            } catch (NoSuchFileException e) {
                // Deleted while we listed: not a problem, just gone.
            } catch (IOException | RuntimeException e) {
                String problem = id + JSON_SUFFIX + ": " + describe(e);
                LOG.warn("skipping unreadable drawing {}", problem);
                unreadable.add(problem);
            }
        }
        drawings.sort(Comparator.comparing(Drawing::createdAt).reversed().thenComparing(Drawing::id));
        return new DrawingListing(drawings, unreadable);
    }

    /** The personal test set: every readable drawing, newest first, as the evaluation reads it. */
    public List<LabeledDigit> labeledDigits() {
        return list().drawings().stream().map(Drawing::asLabeledDigit).toList();
    }

    /**
     * @throws DrawingNotFoundException when there is no such drawing, or {@code id} is not an id
     *     this store could have made
     */
    public Drawing get(String id) {
        checkId(id);
        try {
            return read(id);
        } catch (NoSuchFileException e) {
            throw new DrawingNotFoundException(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read drawing " + id, e);
        }
    }

    /** The canvas PNG as it was sent. */
    public byte[] png(String id) {
        get(id);
        try {
            return Files.readAllBytes(pngPath(id));
        } catch (NoSuchFileException e) {
            throw new DrawingNotFoundException(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the image of drawing " + id, e);
        }
    }

    /** Gives a drawing another label; its input and creation time stay. */
    public Drawing relabel(String id, int label) {
        synchronized (writeLock) {
            Drawing relabelled = get(id).withLabel(label);
            try {
                writeJson(relabelled);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot relabel drawing " + id, e);
            }
            return relabelled;
        }
    }

    /**
     * Removes a drawing, JSON first so that it is gone at once; a damaged one too.
     *
     * @throws DrawingNotFoundException when there is no such drawing
     */
    public void delete(String id) {
        checkId(id);
        synchronized (writeLock) {
            try {
                if (!Files.deleteIfExists(jsonPath(id))) {
                    throw new DrawingNotFoundException(id);
                }
                Files.deleteIfExists(pngPath(id));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete drawing " + id, e);
            }
        }
    }

    // ---- files -----------------------------------------------------------------------------

    private List<String> idsOnDisk() {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return ids;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, "*" + JSON_SUFFIX)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                String id = name.substring(0, name.length() - JSON_SUFFIX.length());
                // Temp files of an interrupted write start with a dot and never match.
                if (isValidId(id)) {
                    ids.add(id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return ids;
    }

    private Drawing read(String id) throws IOException {
        DrawingFile file = Json.mapper().readValue(Files.readAllBytes(jsonPath(id)), DrawingFile.class);
        if (file == null) {
            throw new IllegalArgumentException("the file holds null");
        }
        if (file.label() == null) {
            throw new IllegalArgumentException("label is missing");
        }
        if (file.createdAt() == null) {
            throw new IllegalArgumentException("createdAt is missing");
        }
        if (file.pixels() == null) {
            throw new IllegalArgumentException("pixels are missing");
        }
        DigitPreprocessor.validatePixels(file.pixels());
        return new Drawing(id, file.label(), file.createdAt(), file.pixels());
    }

    private void writeJson(Drawing drawing) throws IOException {
        byte[] json = Json.mapper().writeValueAsBytes(
                new DrawingFile(drawing.label(), drawing.createdAt(), drawing.pixels()));
        AtomicFiles.write(jsonPath(drawing.id()), json);
    }

    private String freshId() {
        for (int attempt = 0; attempt < 10; attempt++) {
            String id = newIds.get();
            if (!isValidId(id)) {
                throw new IllegalStateException("made an invalid drawing id: " + id);
            }
            if (!Files.exists(jsonPath(id)) && !Files.exists(pngPath(id))) {
                return id;
            }
        }
        throw new IllegalStateException("no free drawing id after 10 attempts");
    }

    private static void checkId(String id) {
        if (!isValidId(id)) {
            throw new DrawingNotFoundException(id);
        }
    }

    private Path jsonPath(String id) {
        return dir.resolve(id + JSON_SUFFIX);
    }

    private Path pngPath(String id) {
        return dir.resolve(id + PNG_SUFFIX);
    }

    private static float[] rounded(float[] pixels) {
        float[] result = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            result[i] = Math.round(pixels[i] * PIXEL_SCALE) / PIXEL_SCALE;
        }
        return result;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        // Jackson appends the source location over several lines; the first line says enough.
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void deleteQuietly(Path file, Exception failure) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[ID_BYTES];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
