package deepdash;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.model.ModelRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, checked on the compiled classes with the JDK's own {@code jdeps} (it sees
 * every reference, not just import lines): no package cycles, the server and the worker apart with
 * their messages in between, the core free of features. And each model named in few places.
 */
class ArchitectureTest {

    private static final Pattern EDGE = Pattern.compile("^\\s+(deepdash[\\w.]*)\\s+->\\s+([\\w.$]+)\\s",
            Pattern.MULTILINE);
    /** Package to the packages it uses, ours ({@code deepdash...}) and libraries' alike. */
    private static final Map<String, Set<String>> USES = new TreeMap<>();

    @BeforeAll
    static void readTheCompiledClasses() throws URISyntaxException {
        Path classes = Path.of(App.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
        StringWriter out = new StringWriter();
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:package",
                "-filter:none", classes.toString());
        assertThat(code).as(out.toString()).isZero();
        Matcher edge = EDGE.matcher(out.toString());
        while (edge.find()) {
            String from = edge.group(1);
            String to = edge.group(2);
            USES.computeIfAbsent(from, p -> new TreeSet<>());
            if (!to.equals(from)) {
                USES.get(from).add(to);
            }
        }
        assertThat(USES).containsKeys("deepdash", "deepdash.runs", "deepdash.training", "deepdash.protocol");
    }

    /** Ours only, without the {@code deepdash.} prefix; the root package is {@code (root)}. */
    static Set<String> ours(String pkg) {
        Set<String> result = new TreeSet<>();
        for (String used : USES.getOrDefault(pkg, Set.of())) {
            if (used.equals("deepdash") || used.startsWith("deepdash.")) {
                result.add(shortName(used));
            }
        }
        return result;
    }

    static String shortName(String pkg) {
        return pkg.equals("deepdash") ? "(root)" : pkg.substring("deepdash.".length());
    }

    /** Everything {@code pkg} reaches, directly or through other packages of ours. */
    static Set<String> reach(String pkg) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(pkg));
        while (!todo.isEmpty()) {
            for (String used : USES.getOrDefault(todo.pop(), Set.of())) {
                if (seen.add(used) && USES.containsKey(used)) {
                    todo.push(used);
                }
            }
        }
        return seen;
    }

    @Test
    void noPackageIsPartOfACycle() {
        List<List<String>> cycles = new Tarjan().cycles();
        assertThat(cycles).as("package cycles").isEmpty();
    }

    @Test
    void theServerNeverUsesTheWorkersTrainingCode() {
        for (String pkg : USES.keySet()) {
            if (!pkg.equals("deepdash") && !pkg.equals("deepdash.training")) {
                // The root package only names the train command for picocli; it never runs it.
                assertThat(ours(pkg)).as(pkg).doesNotContain("training");
            }
        }
    }

    @Test
    void theWorkerNeverReachesWebOrServerCode() {
        assertThat(reach("deepdash.training")).as("what the worker's code reaches")
                .doesNotContain("deepdash.web", "deepdash.runs", "deepdash.events", "deepdash.history",
                        "deepdash.forecast", "deepdash.catalog", "deepdash.cnn", "deepdash.digits", "deepdash.coach",
                        "deepdash.drawings", "deepdash.explore", "deepdash.mistakes", "deepdash.cell",
                        "deepdash")
                .noneMatch(used -> used.startsWith("io.javalin") || used.startsWith("gg.jte"));
    }

    @Test
    void theMessagesBetweenThemImportNeitherSide() {
        assertThat(ours("deepdash.protocol")).isSubsetOf("json", "files", "i18n");
        assertThat(ours("deepdash.evaluation")).as("the evaluation math both sides use")
                .isSubsetOf("json", "files", "protocol", "mnist", "i18n");
        assertThat(ours("deepdash.model")).as("the specs both sides read")
                .doesNotContain("runs", "training", "web", "events");
    }

    @Test
    void theCoreKnowsNoFeature() {
        assertThat(ours("deepdash.web")).isSubsetOf("errors", "json", "i18n");
        assertThat(ours("deepdash.engine")).isEmpty();
        assertThat(ours("deepdash.events")).isEmpty();
        assertThat(ours("deepdash.errors")).isSubsetOf("i18n");
        // The texts are a leaf every package may use, the worker included.
        assertThat(ours("deepdash.i18n")).isEmpty();
        assertThat(ours("deepdash.runs")).doesNotContain("history", "forecast", "catalog", "cnn", "digits");
    }

    @Test
    void eachModelIsNamedInAtMostThreeSourceFiles() throws IOException {
        Map<String, List<Path>> namedIn = new TreeMap<>();
        List<Path> sources = new ArrayList<>();
        for (String root : List.of("src/main/java", "templates", "static/js")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                files.filter(Files::isRegularFile).forEach(sources::add);
            }
        }
        for (String model : ModelRegistry.standard().names()) {
            Pattern literal = Pattern.compile("[\"']" + Pattern.quote(model) + "[\"']");
            for (Path source : sources) {
                if (literal.matcher(withoutComments(Files.readString(source))).find()) {
                    namedIn.computeIfAbsent(model, m -> new ArrayList<>()).add(source);
                }
            }
        }
        assertThat(namedIn).as("files that name each model in a string").allSatisfy((model, files) ->
                assertThat(files).as(model).hasSizeBetween(1, 3));
    }

    /** Java and JavaScript comments and jte's, so a name in prose does not count. */
    static String withoutComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?s)<%--.*?--%>", "")
                .replaceAll("(?m)^\\s*//.*$", "");
    }

    /** Strongly connected components with more than one package (Tarjan). */
    private static final class Tarjan {
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<List<String>> found = new ArrayList<>();
        private int counter;

        List<List<String>> cycles() {
            for (String pkg : USES.keySet()) {
                if (!index.containsKey(pkg)) {
                    visit(pkg);
                }
            }
            return found;
        }

        private void visit(String v) {
            index.put(v, counter);
            low.put(v, counter);
            counter++;
            stack.push(v);
            onStack.add(v);
            for (String w : USES.getOrDefault(v, Set.of())) {
                if (!USES.containsKey(w)) {
                    continue;
                }
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                List<String> component = new ArrayList<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(shortName(w));
                } while (!w.equals(v));
                if (component.size() > 1) {
                    found.add(component);
                }
            }
        }
    }
}
