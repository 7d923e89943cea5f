package deepdash.prices;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The bytes of a CSV file that can be read more than once: the parser reads a file in a few
 * streaming passes instead of holding its text, so its memory does not grow with the file.
 */
@FunctionalInterface
interface CsvSource {

    /** A new stream from the first byte; the caller closes it. */
    InputStream open() throws IOException;

    static CsvSource of(byte[] content) {
        Objects.requireNonNull(content, "content");
        return () -> new ByteArrayInputStream(content);
    }

    static CsvSource of(Path file) {
        Objects.requireNonNull(file, "file");
        return () -> new BufferedInputStream(Files.newInputStream(file));
    }
}
