package deepdash.i18n;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Every user-facing text in one language, from {@code i18n/messages.properties} (English) and
 * {@code i18n/messages_ko.properties} (Korean), both UTF-8. Every value is a {@link MessageFormat}
 * pattern with numbered arguments (write {@code ''} for an apostrophe), so Korean can put the
 * arguments where its word order wants them.
 *
 * <p>Arguments are not formatted by the language: a number is written as {@link String#valueOf}
 * writes it (dot decimals, no grouping) and a {@link java.time.LocalDate} as ISO, in every language.
 * Format a number yourself ({@code String.format(Locale.ROOT, ...)}) when it needs a fixed shape.
 *
 * <p>Templates receive one as the parameter {@code t} and write {@code ${t.get("cnn.title")}}.
 */
public final class Messages {

    static final String BUNDLE = "i18n.messages";

    public static final Messages ENGLISH = new Messages(Lang.EN);
    public static final Messages KOREAN = new Messages(Lang.KO);

    private static final Map<Lang, Messages> BY_LANG;

    static {
        Map<Lang, Messages> byLang = new EnumMap<>(Lang.class);
        byLang.put(Lang.EN, ENGLISH);
        byLang.put(Lang.KO, KOREAN);
        BY_LANG = Collections.unmodifiableMap(byLang);
    }

    private final Lang lang;
    private final ResourceBundle bundle;

    private Messages(Lang lang) {
        this.lang = lang;
        this.bundle = bundle(lang);
    }

    public static Messages of(Lang lang) {
        return BY_LANG.get(lang);
    }

    /**
     * The bundle of one language alone. The base bundle is English (Locale.ROOT); the no-fallback
     * control keeps the JVM's default locale out of the lookup, so a server started under
     * {@code LANG=ko_KR} still serves English to an English reader.
     */
    static ResourceBundle bundle(Lang lang) {
        Locale locale = lang == Lang.EN ? Locale.ROOT : Locale.forLanguageTag(lang.code());
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Lang lang() {
        return lang;
    }

    /** {@code "en"} or {@code "ko"}, for {@code <html lang>}. */
    public String code() {
        return lang.code();
    }

    /** The text of {@code key} with its arguments put in. A missing key is a bug: it throws. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message \"" + key + "\" in the " + lang.code() + " bundle", e);
        }
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // A Text argument is a part worded in the same language ("a whole number", "block 3").
            plain[i] = args[i] == null ? "null" : args[i] instanceof String s ? s
                    : args[i] instanceof Text part ? format(part) : String.valueOf(args[i]);
        }
        return new MessageFormat(pattern, Locale.ROOT).format(plain);
    }

    /**
     * The text of {@code key} for a template's {@code $unsafe{...}}, when the pattern itself holds
     * markup ({@code <code>{0}</code>}): the pattern is ours and trusted, every argument is HTML-escaped.
     */
    public String html(String key, Object... args) {
        Object[] escaped = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i] instanceof Text part ? format(part) : args[i];
            escaped[i] = escape(arg == null ? "null" : String.valueOf(arg));
        }
        return get(key, escaped);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public String format(Text text) {
        return get(text.key(), text.args().toArray());
    }

    /** The prefix of the keys the pages' scripts use; {@link #scriptTexts()} hands them over. */
    public static final String SCRIPT_PREFIX = "js.";

    /**
     * Every {@code js.} text as a JSON object for a {@code <script type="application/json">} block,
     * which the CSP allows because it is never run: static/js/i18n.js reads it, and scripts call
     * {@code deepdashText("js.key", [args])}. The patterns keep their {@code {0}} placeholders and lose
     * MessageFormat's quoting, so the script only replaces numbers; {@code < > &} are written as {@code \\u}
     * escapes, so the block cannot end early.
     */
    public String scriptTexts() {
        StringBuilder json = new StringBuilder("{");
        for (String key : new java.util.TreeSet<>(bundle.keySet())) {
            if (!key.startsWith(SCRIPT_PREFIX)) {
                continue;
            }
            String pattern = bundle.getString(key);
            Object[] placeholders = new Object[10];
            for (int i = 0; i < placeholders.length; i++) {
                placeholders[i] = "{" + i + "}";
            }
            String text = new MessageFormat(pattern, Locale.ROOT).format(placeholders);
            json.append(json.length() == 1 ? "" : ",").append(jsonString(key)).append(':').append(jsonString(text));
        }
        return json.append('}').toString();
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Whether the bundle has {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** Every key of this language's bundle (its own, not a fallback's). */
    public Set<String> keys() {
        return bundle.keySet();
    }
}
