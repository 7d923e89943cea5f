package deepdash.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages DeepDash speaks. English is the default; Korean is the tutorial's language.
 * Numbers and dates do not follow the language: they stay in one format (ISO dates, dot decimals).
 */
public enum Lang {
    EN("en"),
    KO("ko");

    private final String code;

    Lang(String code) {
        this.code = code;
    }

    /** The code used in the {@code lang} cookie, the {@code ?lang=} switch, {@code --lang} and {@code <html lang>}. */
    public String code() {
        return code;
    }

    /** {@code "en"} or {@code "ko"}, any case; anything else is empty. */
    public static Optional<Lang> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String trimmed = code.trim().toLowerCase(Locale.ROOT);
        for (Lang lang : values()) {
            if (lang.code.equals(trimmed)) {
                return Optional.of(lang);
            }
        }
        return Optional.empty();
    }

    /**
     * The first of our languages an {@code Accept-Language} header asks for, by its q-values; English
     * when it names none of them or cannot be read.
     */
    public static Lang fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return EN;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                String tag = range.getRange();
                int dash = tag.indexOf('-');
                Optional<Lang> lang = byCode(dash < 0 ? tag : tag.substring(0, dash));
                if (lang.isPresent()) {
                    return lang.get();
                }
            }
        } catch (IllegalArgumentException e) {
            // A malformed header is a browser's problem, not a reason to refuse the page.
        }
        return EN;
    }

    /**
     * The language of a POSIX locale setting such as {@code LANG=ko_KR.UTF-8}: the first set of
     * {@code LC_ALL}, {@code LC_MESSAGES}, {@code LANG} (in that order, as C programs read them), English
     * when none names Korean.
     */
    public static Lang fromPosix(String lcAll, String lcMessages, String lang) {
        for (String value : List.of(nullToEmpty(lcAll), nullToEmpty(lcMessages), nullToEmpty(lang))) {
            if (!value.isBlank()) {
                String language = value.split("[_.@-]", 2)[0];
                return byCode(language).orElse(EN);
            }
        }
        return EN;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
