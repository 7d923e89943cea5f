package deepdash.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import deepdash.i18n.Text;
import java.util.Locale;

/**
 * What a person wrote about a run: a short name and free notes, kept in the run folder's
 * {@code label.json} apart from {@code run.json}, so the worker rewriting its record never loses
 * them and editing them never touches what the run recorded.
 *
 * @param name shown instead of the id where runs are listed and picked; null for none
 * @param notes several lines at most {@value #MAX_NOTES_CHARS} characters long; null for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunLabel(String name, String notes) {

    public static final int MAX_NAME_CHARS = 100;
    public static final int MAX_NOTES_CHARS = 2_000;
    public static final RunLabel NONE = new RunLabel(null, null);

    /**
     * This label with the fields {@code patch} sets; a field left out (null) stays, an empty or
     * blank one is cleared. Checked first: a bad field is refused and nothing changes.
     *
     * @throws InvalidRunLabelException naming the field that is too long or holds a control character
     */
    public RunLabel with(RunLabel patch) {
        if (patch == null || patch.name() == null && patch.notes() == null) {
            throw new InvalidRunLabelException("name", Text.of("error.label.nothing"));
        }
        String newName = patch.name() == null ? name : checked("name", patch.name().strip(), MAX_NAME_CHARS, false);
        String newNotes = patch.notes() == null ? notes
                : checked("notes", patch.notes().strip().replace("\r\n", "\n"), MAX_NOTES_CHARS, true);
        return new RunLabel(newName, newNotes);
    }

    private static String checked(String field, String value, int maxChars, boolean lineBreaks) {
        int chars = value.codePointCount(0, value.length());
        if (chars > maxChars) {
            throw new InvalidRunLabelException(field, Text.of("error.label.too_long",
                    String.format(Locale.ROOT, "%,d", chars), String.format(Locale.ROOT, "%,d", maxChars)));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = lineBreaks && (c == '\n' || c == '\t');
            if (!allowed && (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR)) {
                throw new InvalidRunLabelException(field, Text.of(lineBreaks ? "error.label.control" : "error.label.control_name",
                        String.format(Locale.ROOT, "U+%04X", (int) c), i + 1));
            }
        }
        return value.isEmpty() ? null : value;
    }
}
