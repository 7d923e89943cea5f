package deepdash.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the accessibility engine, run on the page a browser shows. It comes from its webjar (a test
 * dependency) and is injected by the test through WebDriver: the product pages never load it.
 */
public final class Axe {

    private static final String WEBJAR = "META-INF/resources/webjars/axe-core/";
    private static final String POM = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";
    private static String source;

    private Axe() {
    }

    /** A rule the page breaks, with the elements that break it. */
    public record Violation(String rule, String impact, String help, List<String> targets) {

        @Override
        public String toString() {
            return impact + " " + rule + " (" + help + "): " + targets;
        }
    }

    /** axe-core's version, as its webjar names it. */
    public static String version() {
        try (InputStream in = resource(POM)) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized String source() {
        if (source == null) {
            try (InputStream in = resource(WEBJAR + version() + "/axe.min.js")) {
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    private static InputStream resource(String name) {
        InputStream in = Axe.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("not on the test class path: " + name + " (the axe-core webjar)");
        }
        return in;
    }

    /**
     * Runs axe-core's WCAG 2.1 A and AA rules and its best practices on the current page and returns
     * the violations whose impact is serious or critical.
     */
    @SuppressWarnings("unchecked")
    public static List<Violation> seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(source());
        }
        Object answer = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                        'best-practice']}, resultTypes: ['violations']})
                    .then((r) => done(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
                        .map((v) => ({rule: v.id, impact: v.impact, help: v.help,
                            targets: v.nodes.slice(0, 4).map((n) => n.target.join(' ') + ' ' + (n.failureSummary || '')
                                .replace(/\\s+/g, ' ').slice(0, 160))}))))
                    .catch((e) => done([{rule: 'axe-error', impact: 'critical', help: String(e), targets: []}]));
                """);
        List<Violation> violations = new ArrayList<>();
        for (Object item : (List<Object>) answer) {
            Map<String, Object> v = (Map<String, Object>) item;
            violations.add(new Violation((String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"),
                    (List<String>) v.get("targets")));
        }
        return violations;
    }
}
