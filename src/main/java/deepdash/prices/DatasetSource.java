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

    /** The dataset's name (an upload's file name) for people to read; empty when it has none. */
    default Optional<String> name(String id) {
        return Optional.empty();
    }

    /** {@code dmy} or {@code mdy} when the user chose how the file's dates read; empty when it needs no choice. */
    default Optional<String> dateOrder(String id) {
        return Optional.empty();
    }
}
