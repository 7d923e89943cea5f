package deepdash.prices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The price datasets users can train on: their uploads, kept by a {@link DatasetStore}, and the
 * bundled synthetic sample, registered under the stable id {@value #SAMPLE_ID} so that it can be
 * picked without uploading anything.
 *
 * <p>Stored datasets never change, so the last few parsed ones are kept in memory: the page, the
 * chart and run creation all read the same file in quick succession.
 *
 * <p>Input/output failures are server faults and surface as {@link UncheckedIOException}; a file
 * the user got wrong is a {@link PriceCsvException}.
 */
public final class DatasetService implements DatasetSource {

    public static final String SAMPLE_ID = "sample-synthetic";
    public static final String SAMPLE_NAME = "sample-synthetic-prices.csv";
    /** Where the build puts {@code data/prices/sample-synthetic-prices.csv} inside the jar. */
    public static final String SAMPLE_RESOURCE = "/data/prices/" + SAMPLE_NAME;
    /** Rows in a preview, like the seed's {@code all_data.head(10)}. */
    public static final int PREVIEW_ROWS = 10;
    private static final int PARSED_KEPT = 4;

    private final DatasetStore store;
    private final Map<String, ParsedPrices> parsed = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ParsedPrices> eldest) {
            return size() > PARSED_KEPT;
        }
    };

    public DatasetService(DatasetStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Registers the bundled sample unless the store already has it. Called once at start-up; a
     * user's data directory keeps the sample from the first start on.
     */
    public void ensureSample() {
        if (find(SAMPLE_ID).isPresent()) {
            return;
        }
        byte[] content;
        try (InputStream in = DatasetService.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled sample " + SAMPLE_RESOURCE + " is missing from the jar");
            }
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled sample " + SAMPLE_RESOURCE, e);
        }
        try {
            store.saveAs(SAMPLE_ID, SAMPLE_NAME, content);
        } catch (FileAlreadyExistsException raced) {
            // Another server on the same data directory registered it first: same file, nothing to do.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register the bundled sample", e);
        } catch (PriceCsvException e) {
            throw new IllegalStateException("the bundled sample no longer parses: " + e.getMessage(), e);
        }
    }

    /**
     * Stores an upload as a new dataset.
     *
     * @throws PriceCsvException when the file cannot be used; nothing is stored then
     */
    public DatasetInfo upload(String fileName, byte[] content) throws PriceCsvException {
        try {
            return store.save(fileName, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload", e);
        }
    }

    /** All datasets, newest first. */
    public List<DatasetInfo> list() {
        try {
            return store.list();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the datasets", e);
        }
    }

    /** The dataset with this id; empty for unknown ids and for strings that cannot be ids. */
    public Optional<DatasetInfo> find(String id) {
        if (!DatasetStore.isValidId(id)) {
            return Optional.empty();
        }
        try {
            return store.find(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + id, e);
        }
    }

    /** What the dataset holds, parsed; empty for unknown ids. */
    @Override
    public Optional<ParsedPrices> prices(String id) {
        Optional<DatasetInfo> info = find(id);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        synchronized (parsed) {
            ParsedPrices known = parsed.get(id);
            if (known != null) {
                return Optional.of(known);
            }
        }
        ParsedPrices prices;
        try {
            prices = store.load(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + id, e);
        } catch (PriceCsvException e) {
            // It parsed when it was stored; only a change to the parser's rules gets here.
            throw new IllegalStateException("dataset " + id + " no longer parses: " + e.getMessage(), e);
        }
        synchronized (parsed) {
            parsed.put(id, prices);
        }
        return Optional.of(prices);
    }

    /** The dataset's description with its first ten rows and its default target; empty for unknown ids. */
    public Optional<DatasetDetail> detail(String id) {
        return find(id).flatMap(info -> prices(id).map(prices -> DatasetDetail.of(info, prices, PREVIEW_ROWS,
                SAMPLE_ID.equals(id))));
    }

    /** The file as it was uploaded, for a run to copy. */
    @Override
    public Path originalFile(String id) {
        return store.originalFile(id);
    }
}
