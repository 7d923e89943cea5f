package deepdash.prices;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where run settings find the dataset they name: the server's uploads ({@link DatasetService}), or
 * the {@code train} command's {@code --csv} file or data directory.
 */
public interface DatasetSource {

    /** What the dataset holds, parsed; empty for unknown ids and for strings that cannot be ids. */
    Optional<ParsedPrices> prices(String id);

    /** The dataset's file as it was uploaded, for a run to copy. */
    Path originalFile(String id);
}
