package deepdash.prices;

import deepdash.errors.UserError;
import deepdash.i18n.Text;
import java.io.FilterInputStream;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

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
    /** Uploads from this size on grow the heap enough to be worth giving it back afterwards. */
    private static final long HEAP_RELEASE_MIN_BYTES = 1024 * 1024;

    private final DatasetStore store;
    private final HeapRelease heapRelease = new HeapRelease();
    private final UploadSlots uploadSlots;
    private final AtomicBoolean preparing = new AtomicBoolean();
    /** Done once the datasets folder is swept and holds the sample (see {@link #ensureSample()}). */
    private final CompletableFuture<Void> prepared = new CompletableFuture<>();
    private final Map<String, ParsedPrices> parsed = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ParsedPrices> eldest) {
            return size() > PARSED_KEPT;
        }
    };

    /**
     * @param store where datasets live
     * @param maxConcurrentUploads how many uploads may be received and parsed at once, at least 1
     */
    public DatasetService(DatasetStore store, int maxConcurrentUploads) {
        this.store = Objects.requireNonNull(store, "store");
        this.uploadSlots = new UploadSlots(maxConcurrentUploads, heapRelease::releaseIfRequested);
    }

    /**
     * Removes what a crash mid-upload or mid-delete left behind, then registers the bundled sample
     * unless the store already has it; returns when that is done. Runs once: every other method
     * calls it first, so the first dataset request does the work and any other waits for it. The
     * server's start does not call it: parsing the sample took a quarter of a second of both cores
     * at start-up, before anyone asked for it.
     *
     * @throws UserError 503 naming the reason when the datasets folder cannot be prepared; then
     *     every dataset request says so, while the rest of the lab works
     */
    public void ensureSample() {
        if (preparing.compareAndSet(false, true)) {
            try {
                sweepAndRegisterSample();
                prepared.complete(null);
            } catch (RuntimeException | Error e) {
                // Completed either way: a request waiting for it must never wait for ever.
                prepared.completeExceptionally(e);
                if (e instanceof Error error) {
                    throw error;
                }
            }
        }
        try {
            prepared.join();
        } catch (CompletionException e) {
            throw new UserError(503, null, Text.of("error.dataset.unavailable", String.valueOf(e.getCause().getMessage())),
                    e.getCause());
        }
    }

    private void sweepAndRegisterSample() {
        try {
            store.sweepTemporary();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the temp folders a crash left in the datasets folder", e);
        }
        if (findPrepared(SAMPLE_ID).isPresent()) {
            return;
        }
        try (InputStream in = DatasetService.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled sample " + SAMPLE_RESOURCE + " is missing from the jar");
            }
            store.saveAs(SAMPLE_ID, SAMPLE_NAME, in);
        } catch (FileAlreadyExistsException raced) {
            // Another server on the same data directory registered it first: same file, nothing to do.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register the bundled sample " + SAMPLE_RESOURCE, e);
        } catch (PriceCsvException e) {
            throw new IllegalStateException("the bundled sample no longer parses: " + e.getMessage(), e);
        }
    }

    /**
     * A slot for one upload, to hold from before its body is read until it is stored; empty when
     * {@link #maxConcurrentUploads()} uploads are in progress already. Uploads are refused rather
     * than queued when none is free, so that memory stays bounded whatever arrives at once.
     */
    public Optional<UploadSlots.Slot> tryStartUpload() {
        return uploadSlots.tryTake();
    }

    /** How many uploads may be received and parsed at once. */
    public int maxConcurrentUploads() {
        return uploadSlots.limit();
    }

    /** How many uploads hold a slot now: being received, parsed or stored. */
    public int uploadsInProgress() {
        return uploadSlots.inUse();
    }

    /**
     * Stores an upload as a new dataset, streaming it to disk and parsing it from there. The
     * caller holds a slot from {@link #tryStartUpload()} while it does.
     *
     * @param content the uploaded bytes, read to the end but not closed
     * @throws PriceCsvException when the file cannot be used; nothing is stored then
     */
    public DatasetInfo upload(String fileName, InputStream content) throws PriceCsvException {
        return upload(fileName, content, null);
    }

    /**
     * Stores an upload as {@link #upload(String, InputStream)} does, its slashed dates read in the
     * order the user chose.
     *
     * @param dateOrder how ambiguous dates read; null to work it out (and refuse a file where it cannot)
     */
    public DatasetInfo upload(String fileName, InputStream content, DateOrder dateOrder) throws PriceCsvException {
        ensureSample();
        CountingInputStream counted = new CountingInputStream(content);
        DatasetStore.Stored stored;
        try {
            stored = store.store(null, fileName, counted, dateOrder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload", e);
        } finally {
            if (counted.count() >= HEAP_RELEASE_MIN_BYTES) {
                heapRelease.request();
            }
        }
        // The page shows the new dataset next: keep what was just parsed instead of parsing it again.
        synchronized (parsed) {
            parsed.put(stored.info().id(), stored.prices());
        }
        return stored.info();
    }

    /** All datasets, newest first. */
    public List<DatasetInfo> list() {
        ensureSample();
        try {
            return store.list();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the datasets", e);
        }
    }

    /** The dataset with this id; empty for unknown ids and for strings that cannot be ids. */
    public Optional<DatasetInfo> find(String id) {
        ensureSample();
        return findPrepared(id);
    }

    private Optional<DatasetInfo> findPrepared(String id) {
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

    @Override
    public Optional<String> name(String id) {
        return find(id).map(DatasetInfo::name);
    }

    @Override
    public Optional<String> dateOrder(String id) {
        return find(id).map(DatasetInfo::dateOrder);
    }

    /**
     * Renames a dataset; its runs keep the name they were made with.
     *
     * @return the renamed dataset; empty when there is none with this id
     * @throws deepdash.errors.UserError 400 naming {@code name} when the name is blank
     */
    public Optional<DatasetInfo> rename(String id, String name) {
        ensureSample();
        if (!DatasetStore.isValidId(id)) {
            return Optional.empty();
        }
        if (name == null || name.isBlank()) {
            throw UserError.badRequest("name", Text.of("error.dataset.blank_name"));
        }
        try {
            return store.rename(id, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename dataset " + id, e);
        }
    }

    /**
     * Deletes a dataset. Runs made from it keep their own copy of its prices and go on working.
     *
     * @return whether there was such a dataset
     * @throws deepdash.errors.UserError 409 for the bundled sample, which every start registers again
     */
    public boolean delete(String id) {
        ensureSample();
        if (!DatasetStore.isValidId(id) || find(id).isEmpty()) {
            return false;
        }
        if (SAMPLE_ID.equals(id)) {
            throw new UserError(409, null, "the bundled sample dataset \"" + SAMPLE_ID + "\" cannot be deleted: "
                    + "it ships with DeepDash and every start registers it again");
        }
        try {
            boolean deleted = store.delete(id);
            synchronized (parsed) {
                parsed.remove(id);
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete dataset " + id, e);
        }
    }

    /** The file as it was uploaded, for a run to copy. */
    @Override
    public Path originalFile(String id) {
        ensureSample();
        return store.originalFile(id);
    }

    /** Counts the bytes read through it, to tell large uploads from small ones. */
    private static final class CountingInputStream extends FilterInputStream {

        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
