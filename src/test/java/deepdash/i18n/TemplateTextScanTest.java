package deepdash.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every template prints its words through {@code t} (the bundles), never as literal English: a small
 * scan of the text between tags, of the attributes people read (title, aria-label, placeholder, alt,
 * hx-confirm), and of the string literals a template passes as a page title or prints with ${...}.
 * Code-like tokens are not words: {@code val_loss}, {@code Conv2D}, {@code 28x28}, acronyms (MNIST,
 * CSV), numbers and symbols.
 */
class TemplateTextScanTest {

    private static final Path TEMPLATES = Path.of("templates");

    // Names that read the same in every language.
    private static final Set<String> NAMES = Set.of("DeepDash", "Input", "input", "Adam", "Keras", "TensorFlow",
            "MXNet", "DJL", "Yahoo", "Finance", "Diebold", "Mariano", "Chart", "htmx", "p", "x", "zip", "png",
            "csv", "json", "ko", "en", "cpu", "gpu",
            // Keras's own column names in the per-epoch log, as Keras prints them.
            "epoch", "loss", "lr");

    private static final Pattern TEXT_NODE = Pattern.compile(">([^<>]+)<");
    private static final Pattern READ_ATTRIBUTE = Pattern.compile(
            "\\b(title|aria-label|placeholder|alt|hx-confirm)=\"([^\"]*)\"");
    private static final Pattern TITLE_PARAM = Pattern.compile("\\btitle\\s+=\\s+\"([^\"]*)\"");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]");

    @Test
    void noTemplatePrintsLiteralEnglish() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jte")).sorted().toList()) {
                problems.addAll(scan(TEMPLATES.relativize(file).toString(), Files.readString(file)));
            }
        }
        assertThat(problems).as("literal English in templates: print ${t.get(\"key\")} instead").isEmpty();
    }

    @Test
    void theScanFindsLiteralsAndIgnoresKeysAndCode() {
        assertThat(scan("a.jte", "<h1>Runs</h1>")).hasSize(1);
        assertThat(scan("a.jte", "<button title=\"Reset zoom\">x</button>")).hasSize(1);
        assertThat(scan("a.jte", "@template.layout(title = \"Compare runs\", active = \"runs\")")).hasSize(1);
        assertThat(scan("a.jte", "<td>${ok ? \"read right\" : \"read wrong\"}</td>")).hasSize(2);
        assertThat(scan("a.jte", "<h1>${t.get(\"runs.title\")}</h1>")).isEmpty();
        assertThat(scan("a.jte", "<th>val_loss</th><td>Conv2D</td><td>MNIST · CNN</td><td>28x28</td>")).isEmpty();
        assertThat(scan("a.jte", "<%-- a comment with words --%><span class=\"${view.cls()}\">${x}</span>")).isEmpty();
    }

    static List<String> scan(String name, String template) {
        String text = withoutCode(template);
        List<String> problems = new ArrayList<>();
        Matcher node = TEXT_NODE.matcher(text);
        while (node.find()) {
            check(name, "text", node.group(1), problems);
        }
        Matcher attribute = READ_ATTRIBUTE.matcher(text);
        while (attribute.find()) {
            check(name, attribute.group(1), attribute.group(2), problems);
        }
        Matcher title = TITLE_PARAM.matcher(template);
        while (title.find()) {
            check(name, "title parameter", title.group(1), problems);
        }
        for (String literal : printedLiterals(template)) {
            if (literal.contains(" ")) {
                check(name, "string printed by an expression", literal, problems);
            }
        }
        return problems;
    }

    private static void check(String name, String where, String raw, List<String> problems) {
        String text = raw.replaceAll("\u0000", " ").strip();
        if (text.isEmpty()) {
            return;
        }
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            int end = word.end();
            String found = word.group();
            boolean codeLike = end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '_')
                    || word.start() > 0 && (Character.isDigit(text.charAt(word.start() - 1))
                    || text.charAt(word.start() - 1) == '_' || text.charAt(word.start() - 1) == '.');
            boolean acronym = found.length() > 1 && found.equals(found.toUpperCase());
            if (!codeLike && !acronym && !NAMES.contains(found)) {
                problems.add(name + " (" + where + "): \"" + text.replaceAll("\\s+", " ") + "\"");
                return;
            }
        }
    }

    /**
     * The template with what is not printed text blanked out: comments, ${...} and !{...} expressions,
     * @-directives with their parenthesised arguments, script and style bodies.
     */
    static String withoutCode(String template) {
        String text = template.replaceAll("(?s)<%--.*?--%>", "");
        text = text.replaceAll("(?m)^\\s*@(param|import)\\b.*$", "");
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if ((c == '$' || c == '!') && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                i = skipBalanced(text, i + 1, '{', '}');
                out.append('\u0000');
            } else if (c == '$' && text.startsWith("$unsafe{", i)) {
                i = skipBalanced(text, i + 7, '{', '}');
                out.append('\u0000');
            } else if (c == '@' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))) {
                int j = i + 1;
                while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '.')) {
                    j++;
                }
                String directive = text.substring(i + 1, j);
                if (j < text.length() && text.charAt(j) == '(' && !directive.startsWith("template.")) {
                    j = skipBalanced(text, j, '(', ')');
                } else if (directive.startsWith("template.") && j < text.length() && text.charAt(j) == '(') {
                    // Keep the content block's text; drop the call's own arguments up to it.
                    int content = text.indexOf("@`", j);
                    int close = skipBalanced(text, j, '(', ')');
                    j = content > 0 && content < close ? content + 2 : close;
                }
                out.append('>');
                i = j;
            } else if (c == '`' && i > 0 && text.charAt(i - 1) != '@') {
                out.append('<');
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** String literals inside ${...} and $unsafe{...} expressions, other than the keys of t.get and t.html. */
    static List<String> printedLiterals(String template) {
        List<String> literals = new ArrayList<>();
        Matcher expression = Pattern.compile("\\$(unsafe)?\\{").matcher(template);
        while (expression.find()) {
            if (inMachineAttribute(template, expression.start())) {
                continue;
            }
            int end = skipBalanced(template, expression.end() - 1, '{', '}');
            String code = template.substring(expression.end(), Math.max(expression.end(), end - 1));
            Matcher literal = Pattern.compile("(t\\.(?:get|html)\\(\\s*)?\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(code);
            while (literal.find()) {
                if (literal.group(1) == null) {
                    literals.add(literal.group(2));
                }
            }
        }
        return literals;
    }

    /** Whether {@code at} lies in an attribute people do not read (hx-trigger="every 3s", class="..."). */
    private static boolean inMachineAttribute(String template, int at) {
        String before = template.substring(0, at);
        if (before.lastIndexOf('<') <= before.lastIndexOf('>')) {
            return false;
        }
        Matcher attribute = Pattern.compile("([\\w-]+)=\"[^\"]*$").matcher(before);
        return attribute.find() && !READ_ATTRIBUTE.matcher(attribute.group(1) + "=\"\"").matches();
    }

    private static int skipBalanced(String text, int open, char opening, char closing) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i + 1;
            }
        }
        return text.length();
    }
}
