package deepdash.i18n;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A message not yet put into words: a bundle key and the arguments of its pattern. Code that does
 * not know the reader's language (a service, an exception) returns or carries one; the edge that
 * does (a route, the CLI) words it with {@link Messages#format(Text)}.
 *
 * @param key the key in {@code i18n/messages*.properties}
 * @param args the pattern's arguments, {@code {0}}, {@code {1}}...; numbers are written as
 *     {@link String#valueOf} writes them, the same in every language; a {@code Text} argument is
 *     worded in the same language as the whole
 */
public record Text(String key, List<Object> args) {

    public Text {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a text needs a key");
        }
        args = args.stream().map(Text::plain).toList();
    }

    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }

    // List.copyOf refuses nulls; a null argument reads "null", as string concatenation wrote it. A
    // text read back from JSON (a run's stored reason) has its parts as {"key", "args"} objects: they
    // become texts again, so they are worded in the reader's language too.
    private static Object plain(Object arg) {
        if (arg instanceof Map<?, ?> part && part.size() == 2 && part.get("key") instanceof String key
                && part.get("args") instanceof List<?> args) {
            return new Text(key, new ArrayList<>(args));
        }
        return arg == null ? "null" : arg;
    }
}
