package deepdash.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import deepdash.i18n.Messages;
import deepdash.i18n.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads JSON from outside (request bodies, a run's requested settings) strictly ({@link Json#bodies()}): unknown fields, wrong types,
 * fractional numbers for whole ones and strings for numbers are refused, not guessed at. Each
 * refusal is a 400 that names the field, says what was expected and what came, and for an unknown
 * field lists the fields there are.
 */
public final class StrictJson {

    private static final int MAX_QUOTED_CHARS = 40;

    private StrictJson() {
    }

    /** A refused input: the field at fault ({@code body} for the whole) and what was wrong. */
    public static final class InputException extends RuntimeException {

        private final String field;

        private final transient Text text;

        public InputException(String field, String message) {
            super(message);
            this.field = field;
            this.text = null;
        }

        /** Worded from the bundles; the message is the English wording. */
        public InputException(String field, Text text) {
            super(Messages.ENGLISH.format(text));
            this.field = field;
            this.text = text;
        }

        /** What was wrong as a key and arguments, or null for a plain message. */
        public Text text() {
            return text;
        }

        public String field() {
            return field;
        }
    }

    /** Reads {@code body} as a {@code type}; see the class comment for what is refused. */
    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new InputException("body", Text.of("error.json.empty_body"));
        }
        // The parser is ours, not Jackson's, so that it can still say which token was refused.
        try (JsonParser parser = Json.bodies().createParser(body)) {
            T value;
            try {
                value = Json.bodies().readValue(parser, type);
            } catch (UnrecognizedPropertyException e) {
                throw unknownField(e, type);
            } catch (MismatchedInputException e) {
                String field = fieldOf(e);
                throw new InputException(field.isEmpty() ? "body" : field, Text.of("error.json.expected",
                        describe(e.getTargetType() == null ? type : e.getTargetType()), got(parser)));
            } catch (JsonMappingException e) {
                String field = fieldOf(e);
                throw new InputException(field.isEmpty() ? "body" : field, e.getOriginalMessage());
            } catch (JsonProcessingException e) {
                if (e.getOriginalMessage().startsWith("Duplicate field") && parser.currentName() != null) {
                    throw new InputException(parser.currentName(), Text.of("error.json.duplicate"));
                }
                throw new InputException("body", Text.of("error.json.invalid", e.getOriginalMessage()));
            }
            if (value == null) {
                throw new InputException("body", Text.of("error.json.null_body"));
            }
            return value;
        } catch (IOException e) {
            // Only closing a parser over a string gets here, which cannot fail.
            throw new UncheckedIOException(e);
        }
    }

    private static InputException unknownField(UnrecognizedPropertyException e, Class<?> root) {
        String name = e.getPropertyName();
        List<String> known = knownFields(e.getKnownPropertyIds(), e.getPath().size() == 1 ? root : null);
        String path = fieldOf(e);
        Object suggestion = closest(name, known).<Object>map(match -> Text.of("error.json.did_you_mean", match))
                .orElse("");
        Object fields = known.isEmpty() ? "" : Text.of("error.json.fields_are", String.join(", ", known));
        return new InputException(path.isEmpty() ? name : path,
                Text.of("error.json.unknown_field", suggestion, fields));
    }

    /** The known field names, in the order a record declares them when the type is one, else sorted. */
    private static List<String> knownFields(Collection<Object> ids, Class<?> type) {
        List<String> names = ids == null ? new ArrayList<>()
                : ids.stream().map(String::valueOf).sorted().collect(Collectors.toCollection(ArrayList::new));
        if (type != null && type.isRecord()) {
            List<String> declared = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
            names.sort((a, b) -> Integer.compare(order(declared, a), order(declared, b)));
        }
        return names;
    }

    private static int order(List<String> declared, String name) {
        int index = declared.indexOf(name);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    /** A known name the sender probably meant: the same letters in another case, or one or two typos away. */
    private static Optional<String> closest(String name, List<String> known) {
        String wanted = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int distance = editDistance(wanted, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The path as written in JavaScript: {@code architecture.blocks[2].kernel}. */
    private static String fieldOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What the sender put where the refused value is, read from the parser stopped on it. */
    private static Object got(JsonParser parser) {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return Text.of("json.got.nothing");
        }
        try {
            return switch (token) {
                case VALUE_STRING -> Text.of("json.got.string", quote(parser.getText()));
                case VALUE_NUMBER_INT -> Text.of("json.got.number", parser.getText());
                case VALUE_NUMBER_FLOAT -> Text.of("json.got.fraction", parser.getText());
                case VALUE_TRUE, VALUE_FALSE -> parser.getText();
                case VALUE_NULL -> "null";
                case START_ARRAY, END_ARRAY -> Text.of("json.type.array");
                case START_OBJECT, END_OBJECT, FIELD_NAME -> Text.of("json.type.object");
                default -> token.asString() == null ? token.name() : token.asString();
            };
        } catch (IOException e) {
            return token.name();
        }
    }

    private static String quote(String text) {
        String shown = text.length() > MAX_QUOTED_CHARS ? text.substring(0, MAX_QUOTED_CHARS) + "..." : text;
        return '"' + shown + '"';
    }

    private static Text describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return Text.of("json.type.whole_number");
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return Text.of("json.type.number");
        }
        if (type == Boolean.class || type == boolean.class) {
            return Text.of("json.type.boolean");
        }
        if (type == String.class) {
            return Text.of("json.type.string");
        }
        if (type.isEnum()) {
            return Text.of("json.type.one_of", Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ")));
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return Text.of("json.type.date");
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return Text.of("json.type.array");
        }
        return Text.of("json.type.object");
    }
}
