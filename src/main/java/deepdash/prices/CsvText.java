package deepdash.prices;

import deepdash.i18n.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns uploaded bytes into text, refusing what is not text. Works on a stream, a chunk at a
 * time, so that a large file never has to be held whole, as bytes or as a string.
 */
final class CsvText {

    /** What Excel calls "ANSI" on Western Windows, the encoding its plain "CSV" export uses. */
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int CHUNK_BYTES = 64 * 1024;

    /**
     * How a file's bytes are read as text.
     *
     * @param charset the encoding
     * @param byteOrderMarkBytes how many bytes at the start are a byte-order mark, not text
     */
    record Encoding(Charset charset, int byteOrderMarkBytes) {
    }

    private CsvText() {
    }

    /**
     * Reads the whole file once to choose its encoding: UTF-16 when it starts with a UTF-16
     * byte-order mark (Excel's "Unicode Text" export), else UTF-8 with or without a byte-order
     * mark when every byte sequence is valid UTF-8, else Windows-1252.
     *
     * @throws PriceCsvException when the file holds control characters other than tab, CR and
     *     LF, which text never does and images, archives and spreadsheets always do
     * @throws IOException when the file cannot be read
     */
    static Encoding detect(CsvSource source, String fileName) throws PriceCsvException, IOException {
        byte[] chunk = new byte[CHUNK_BYTES];
        try (InputStream in = source.open()) {
            int count = in.readNBytes(chunk, 0, chunk.length);
            if (startsWith(chunk, count, 0xFF, 0xFE)) {
                return checkUtf16(source, new Encoding(StandardCharsets.UTF_16LE, 2), fileName);
            }
            if (startsWith(chunk, count, 0xFE, 0xFF)) {
                return checkUtf16(source, new Encoding(StandardCharsets.UTF_16BE, 2), fileName);
            }
            int byteOrderMark = startsWith(chunk, count, 0xEF, 0xBB, 0xBF) ? 3 : 0;
            Utf8Check utf8 = new Utf8Check();
            while (count > 0) {
                // Checking bytes, not characters: every control character is one byte below 0x20 in
                // UTF-8 and Windows-1252, so binary files are refused whatever their encoding.
                for (int i = 0; i < count; i++) {
                    int b = chunk[i] & 0xFF;
                    if (isControl(b)) {
                        throw notText(fileName, b);
                    }
                }
                utf8.feed(chunk, count);
                count = in.readNBytes(chunk, 0, chunk.length);
            }
            return new Encoding(utf8.finish() ? StandardCharsets.UTF_8 : WINDOWS_1252, byteOrderMark);
        }
    }

    /** The file's text after its byte-order mark; malformed sequences read as U+FFFD. */
    static Reader open(CsvSource source, Encoding encoding) throws IOException {
        InputStream in = source.open();
        try {
            in.skipNBytes(encoding.byteOrderMarkBytes());
            return new InputStreamReader(in, encoding.charset());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static Encoding checkUtf16(CsvSource source, Encoding encoding, String fileName)
            throws PriceCsvException, IOException {
        char[] chunk = new char[CHUNK_BYTES / 2];
        try (Reader text = new BufferedReader(open(source, encoding))) {
            for (int count = text.read(chunk); count >= 0; count = text.read(chunk)) {
                for (int i = 0; i < count; i++) {
                    if (isControl(chunk[i])) {
                        throw notText(fileName, chunk[i]);
                    }
                }
            }
        }
        return encoding;
    }

    private static boolean startsWith(byte[] bytes, int count, int... prefix) {
        if (count < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isControl(int c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }

    private static PriceCsvException notText(String fileName, int c) {
        String what = c == 0 ? "a NUL byte" : String.format("control character 0x%02X", c);
        return new PriceCsvException(fileName, Text.of("error.csv.binary", what));
    }

    /** Whether bytes fed a chunk at a time are valid UTF-8, sequences split between chunks included. */
    private static final class Utf8Check {

        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        /** The bytes not yet decoded: a chunk plus the start of a sequence the last one cut off. */
        private final ByteBuffer pending = ByteBuffer.allocate(CHUNK_BYTES + 8);
        private final CharBuffer discarded = CharBuffer.allocate(CHUNK_BYTES);
        private boolean valid = true;

        void feed(byte[] chunk, int count) {
            if (valid) {
                pending.put(chunk, 0, count);
                decode(false);
            }
        }

        /** Whether every byte fed was valid UTF-8, with no sequence left unfinished. */
        boolean finish() {
            if (valid) {
                decode(true);
            }
            if (valid) {
                CoderResult result;
                do {
                    discarded.clear();
                    result = decoder.flush(discarded);
                } while (result.isOverflow());
                valid = !result.isError();
            }
            return valid;
        }

        private void decode(boolean endOfInput) {
            pending.flip();
            CoderResult result;
            do {
                discarded.clear();
                result = decoder.decode(pending, discarded, endOfInput);
            } while (result.isOverflow());
            pending.compact();
            valid = !result.isError();
        }
    }
}
