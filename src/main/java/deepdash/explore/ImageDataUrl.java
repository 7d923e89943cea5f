package deepdash.explore;

import deepdash.i18n.Text;
import java.util.Base64;
import java.util.Locale;

/** The bytes of a {@code data:image/png;base64,...} or {@code data:image/jpeg;base64,...} URL. */
final class ImageDataUrl {

    private static final Text EXPECTED = Text.of("inspect.expected_url");

    private ImageDataUrl() {
    }

    /**
     * @param field the JSON field it came in, named in the refusal
     * @throws InvalidImageException when it is missing, not such a URL, or not valid base64
     */
    static byte[] decode(String dataUrl, String field) {
        if (dataUrl == null || dataUrl.isBlank()) {
            throw new InvalidImageException(field, Text.of("error.image.missing", EXPECTED));
        }
        String text = dataUrl.strip();
        if (!text.regionMatches(true, 0, "data:", 0, 5)) {
            throw new InvalidImageException(field, Text.of("error.image.not_data_url", EXPECTED));
        }
        int comma = text.indexOf(',');
        if (comma < 0) {
            throw new InvalidImageException(field, Text.of("error.image.no_comma", EXPECTED));
        }
        String header = text.substring(5, comma).toLowerCase(Locale.ROOT);
        String type = header.contains(";") ? header.substring(0, header.indexOf(';')) : header;
        if (!type.equals("image/png") && !type.equals("image/jpeg") && !type.equals("image/jpg")) {
            throw new InvalidImageException(field, Text.of("error.image.wrong_type", type, EXPECTED));
        }
        if (!header.endsWith(";base64")) {
            throw new InvalidImageException(field, Text.of("error.image.not_base64_url", EXPECTED));
        }
        // Some clients wrap long base64 lines; the strict decoder below would refuse the breaks.
        String payload = text.substring(comma + 1).replaceAll("\\s+", "");
        if (payload.isEmpty()) {
            throw new InvalidImageException(field, Text.of("error.image.no_data", EXPECTED));
        }
        try {
            return Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            throw new InvalidImageException(field, Text.of("error.image.bad_base64", EXPECTED), e);
        }
    }
}
