package deepdash.prices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Line numbers from character positions while the text streams through, however it is cut. */
class LineCountingReaderTest {

    @Test
    void countsLfCrlfAndLoneCrAsOneLineEndEach() throws IOException {
        String text = "a\nb\r\nc\rd\r\r\ne";
        LineCountingReader reader = new LineCountingReader(new StringReader(text));
        drain(reader, 1);

        assertThat(reader.lineOf(0)).isEqualTo(1);
        assertThat(reader.lineOf(2)).isEqualTo(2);
        assertThat(reader.lineOf(5)).isEqualTo(3);
        assertThat(reader.lineOf(7)).isEqualTo(4);
        // "d\r" ends line 4, the "\r\n" that follows is a blank line 5, "e" is line 6.
        assertThat(reader.lineOf(text.indexOf('e'))).isEqualTo(6);
    }

    @Test
    void agreesWithCountingTheWholeTextWhateverTheChunks() throws IOException {
        Random random = new Random(7);
        String[] pieces = {"x", "yz", ",", "\n", "\r", "\r\n", "\"q\""};
        for (int trial = 0; trial < 300; trial++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(200); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            LineCountingReader reader = new LineCountingReader(new StringReader(text.toString()));
            int chunk = 1 + random.nextInt(5);
            drain(reader, chunk);
            for (int position = 0; position < text.length(); position += 1 + random.nextInt(3)) {
                assertThat(reader.lineOf(position)).as("position %d of %s, chunks of %d", position,
                        text.toString().replace("\r", "\\r").replace("\n", "\\n"), chunk)
                        .isEqualTo(lineOf(text, position));
            }
        }
    }

    private static void drain(Reader reader, int chunk) throws IOException {
        char[] buffer = new char[chunk];
        while (reader.read(buffer, 0, chunk) >= 0) {
            // Read to the end in small pieces, so that a CR and its LF arrive in different reads.
        }
    }

    /** The line of {@code position} the slow way: count the line ends before it. */
    private static int lineOf(CharSequence text, int position) {
        int line = 1;
        for (int i = 0; i < position; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }
}
