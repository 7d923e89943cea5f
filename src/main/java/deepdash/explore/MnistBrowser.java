package deepdash.explore;

import deepdash.errors.UserError;
import deepdash.i18n.Text;
import deepdash.mnist.IdxImages;
import deepdash.mnist.MnistData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MNIST images for the data page, read from the jar (or a folder) the first time each split is
 * asked for and kept in memory from then on: the test split costs 7.8 MB, the training split 47 MB.
 * Loading them per split keeps the first look at the test set (the page's default) quick.
 *
 * <p>Safe to use from several threads; a split is loaded once even when requests race for it.
 */
public final class MnistBrowser {

    /** The most digits one grid page (API or page) may hold. */
    public static final int MAX_LIMIT = 200;

    private static final Logger LOG = LoggerFactory.getLogger(MnistBrowser.class);

    private final Path folder;
    private final Map<MnistSplit, Split> loaded = new EnumMap<>(MnistSplit.class);

    /** @param folder where the four IDX files are, or null for the copy inside the jar */
    public MnistBrowser(Path folder) {
        this.folder = folder;
    }

    /** Reads from the copy inside the jar. */
    public static MnistBrowser fromJar() {
        return new MnistBrowser(null);
    }

    /** How many images the split holds. */
    public int count(MnistSplit split) {
        return split(split).images().count();
    }

    /**
     * @throws UserError 400 for a negative index, 404 naming {@code index} beyond the split
     */
    public MnistDigit digit(MnistSplit split, int index) {
        Split data = split(split);
        int count = data.images().count();
        if (index < 0) {
            throw UserError.badRequest("index", Text.of("error.query.not_negative", index));
        }
        if (index >= count) {
            throw new UserError(404, "index", Text.of("error.mnist.no_image", split,
                    String.format(Locale.ROOT, "%,d", count), String.format(Locale.ROOT, "%,d", count - 1),
                    String.format(Locale.ROOT, "%,d", index)));
        }
        IdxImages images = data.images();
        return MnistDigit.of(split, index, data.labels()[index], images.rows(), images.columns(),
                images.image(index));
    }

    /**
     * One page of the split's digits, all or those of one label, in split order.
     *
     * @param label 0..9, or null for every digit
     * @param offset how many matching digits to skip, 0 or more; past the end gives an empty page
     * @param limit 1 to {@value #MAX_LIMIT}
     * @throws UserError 400 naming {@code label}, {@code offset} or {@code limit} when out of range
     */
    public DigitPage page(MnistSplit split, Integer label, int offset, int limit) {
        if (label != null && (label < 0 || label > 9)) {
            throw UserError.badRequest("label", Text.of("error.drawing.label", label));
        }
        if (offset < 0) {
            throw UserError.badRequest("offset", Text.of("error.query.not_negative", offset));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw UserError.badRequest("limit", Text.of("error.query.one_to", MAX_LIMIT, limit));
        }
        Split data = split(split);
        IdxImages images = data.images();
        int total = label == null ? images.count() : data.byLabel()[label].length;
        Base64.Encoder base64 = Base64.getEncoder();
        List<DigitThumb> items = new ArrayList<>(Math.max(0, Math.min(limit, total - offset)));
        for (int i = offset; i < total && i < (long) offset + limit; i++) {
            int index = label == null ? i : data.byLabel()[label][i];
            items.add(new DigitThumb(index, data.labels()[index], base64.encodeToString(images.image(index))));
        }
        return new DigitPage(split.urlName(), label, offset, limit, total, images.rows(), images.columns(),
                List.copyOf(items));
    }

    /** How many digits of each label the split holds, 0 first. */
    public int[] labelCounts(MnistSplit split) {
        int[][] byLabel = split(split).byLabel();
        int[] counts = new int[byLabel.length];
        for (int label = 0; label < byLabel.length; label++) {
            counts[label] = byLabel[label].length;
        }
        return counts;
    }

    private Split split(MnistSplit split) {
        synchronized (loaded) {
            return loaded.computeIfAbsent(split, this::load);
        }
    }

    private Split load(MnistSplit split) {
        long started = System.nanoTime();
        IdxImages images = split == MnistSplit.TRAIN ? MnistData.loadTrainImages(folder)
                : MnistData.loadTestImages(folder);
        byte[] labels = split == MnistSplit.TRAIN ? MnistData.loadTrainLabels(folder)
                : MnistData.loadTestLabels(folder);
        if (images.count() != labels.length) {
            throw new IllegalStateException("the MNIST " + split + " split has " + images.count() + " images but "
                    + labels.length + " labels");
        }
        Split data = new Split(images, labels, indexByLabel(labels));
        LOG.info("loaded the MNIST {} split ({} images) in {} ms", split, images.count(),
                (System.nanoTime() - started) / 1_000_000);
        return data;
    }

    private static int[][] indexByLabel(byte[] labels) {
        int[] counts = new int[10];
        for (byte label : labels) {
            counts[label]++;
        }
        int[][] byLabel = new int[10][];
        for (int label = 0; label < 10; label++) {
            byLabel[label] = new int[counts[label]];
        }
        int[] filled = new int[10];
        for (int index = 0; index < labels.length; index++) {
            byLabel[labels[index]][filled[labels[index]]++] = index;
        }
        return byLabel;
    }

    /** @param byLabel for each label 0..9, the indices of its images in order */
    private record Split(IdxImages images, byte[] labels, int[][] byLabel) {
    }
}
