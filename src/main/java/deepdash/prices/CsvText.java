package deepdash.prices;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns uploaded bytes into text, refusing what is not text. */
final class CsvText {

    /** What Excel calls "ANSI" on Western Windows, the encoding its plain "CSV" export uses. */
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CsvText() {
    }

    /**
     * Decodes {@code content}: UTF-16 when it starts with a UTF-16 byte-order mark (Excel's
     * "Unicode Text" export), else UTF-8 with or without a byte-order mark, else Windows-1252.
     * The byte-order mark is not part of the result.
     *
     * @throws PriceCsvException when the bytes hold control characters other than tab, CR and LF,
     *     which text never does and images, archives and spreadsheets always do
     */
    static String decode(byte[] content, String fileName) throws PriceCsvException {
        if (content.length >= 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE) {
            return refuseControlCharacters(utf16(content, StandardCharsets.UTF_16LE), fileName);
        }
        if (content.length >= 2 && (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF) {
            return refuseControlCharacters(utf16(content, StandardCharsets.UTF_16BE), fileName);
        }
        int start = 0;
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        // Checking bytes before decoding: every control character is one byte below 0x20 in
        // UTF-8 and Windows-1252, and binary files are refused without decoding them.
        for (int i = start; i < content.length; i++) {
            int b = content[i] & 0xFF;
            if (isControl(b)) {
                throw notText(fileName, b);
            }
        }
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(content, start, content.length - start, WINDOWS_1252);
        }
    }

    /** The text after a two-byte byte-order mark. */
    private static String utf16(byte[] content, Charset charset) {
        return new String(content, 2, content.length - 2, charset);
    }

    private static String refuseControlCharacters(String text, String fileName) throws PriceCsvException {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                throw notText(fileName, text.charAt(i));
            }
        }
        return text;
    }

    private static boolean isControl(int c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }

    private static PriceCsvException notText(String fileName, int c) {
        String what = c == 0 ? "a NUL byte" : String.format("control character 0x%02X", c);
        return new PriceCsvException(fileName,
                "not a CSV file: it contains binary data (" + what + "); upload a text file with a header line"
                        + " such as Date,Open,High,Low,Close,Adj Close,Volume");
    }
}
