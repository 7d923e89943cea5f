package deepdash.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import deepdash.AppConfig;
import deepdash.runs.RunStore;
import deepdash.support.Browser;
import deepdash.support.SyntheticRuns;
import deepdash.support.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Every page in headless Chromium under the real Content-Security-Policy: none may log a CSP
 * violation, and the pages' own htmx posts, fetches and live streams keep working, on loopback
 * and behind the access token. Also checks the check: an inline style and script are reported,
 * and a page of another origin cannot frame DeepDash.
 */
@Tag("slow")
@Timeout(300)
class SecurityBrowserTest {

    static final String TOKEN = "browser-test-token-0123456789";

    @TempDir
    static Path dataDir;
    static List<String> ids;
    static TestServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        ids = SyntheticRuns.write(new RunStore(dataDir.resolve("runs")), 8, 3).ids();
        server = TestServer.start(dataDir, SecurityTest.IDLE_WORKER);
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** The console's CSP reports since the last call (reading the log empties it). */
    static List<String> cspViolations(WebDriver driver) {
        List<String> violations = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            String lower = message.toLowerCase(Locale.ROOT);
            if (lower.contains("content security policy") || lower.contains("content-security-policy")
                    || lower.contains("refused to")) {
                violations.add(message);
            } else if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                System.out.println("(browser console, not CSP) " + message);
            }
        }
        return violations;
    }

    WebDriver open(String base, String path) {
        WebDriver driver = browser.driver();
        driver.get(base + path);
        browser.await(d -> "complete".equals(browser.js("return document.readyState"))
                && Boolean.TRUE.equals(browser.js("return typeof htmx !== 'undefined'")));
        return driver;
    }

    /** Read in one go: htmx may swap the panel between a lookup and a read. */
    String panelRunId() {
        return browser.js("const p = document.querySelector('.run-panel'); return p ? p.dataset.runId : null");
    }

    void awaitCharts(int atLeast) {
        browser.await(d -> browser.<Long>js("return Object.keys(Chart.instances).length") >= atLeast);
    }

    @Test
    void everyPageLoadsAndWorksWithoutACspViolation() {
        String base = server.baseUrl();
        String cnnRun = ids.get(0);
        String lstmRun = ids.get(3);
        cspViolations(browser.driver());

        WebDriver driver = open(base, "/");
        assertThat(driver.getCurrentUrl()).endsWith("/cnn");
        awaitCharts(2);
        assertThat(cspViolations(driver)).as("/ and /cnn").isEmpty();

        // The Train button: an htmx form post from the page itself, then the run's live stream.
        String before = panelRunId();
        driver.findElement(By.cssSelector("#train-form button[type=submit]")).click();
        browser.await(d -> {
            String now = panelRunId();
            return now != null && !now.equals(before);
        });
        String started = panelRunId();
        assertThat(browser.<String>js("return document.querySelector('.run-panel [data-role=status]').textContent"))
                .isIn("queued", "running");
        assertThat(cspViolations(driver)).as("Train on /cnn").isEmpty();
        // End it, and so its event stream, rather than leave the idle worker to the server's shutdown.
        assertThat(server.postJson("/api/runs/" + started + "/cancel", "").statusCode()).isEqualTo(200);

        open(base, "/draw");
        browser.await(d -> !d.findElements(By.cssSelector("#draw-model option")).isEmpty());
        assertThat(cspViolations(driver)).as("/draw").isEmpty();

        open(base, "/forecast");
        awaitCharts(1);
        assertThat(cspViolations(driver)).as("/forecast").isEmpty();

        open(base, "/runs");
        driver.findElements(By.cssSelector("#run-table input[name=ids]")).get(0).click();
        assertThat(cspViolations(driver)).as("/runs").isEmpty();

        open(base, "/runs/" + cnnRun);
        awaitCharts(2);
        // The PNG button saves a chart through a data: URL download, which the CSP must not block.
        driver.findElement(By.cssSelector("[data-chart-png]")).click();
        assertThat(cspViolations(driver)).as("run detail").isEmpty();

        open(base, "/runs/" + lstmRun);
        awaitCharts(2);
        assertThat(cspViolations(driver)).as("LSTM run detail").isEmpty();

        open(base, "/runs/compare?ids=" + String.join(",", ids.subList(0, 3)));
        awaitCharts(2);
        driver.findElement(By.cssSelector("[data-legend-run]")).click();
        assertThat(cspViolations(driver)).as("compare").isEmpty();
    }

    @Test
    void anInlineStyleOrScriptIsReported() {
        WebDriver driver = open(server.baseUrl(), "/runs");
        cspViolations(driver);
        browser.js("document.querySelector('main').insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>');"
                + "const s = document.createElement('script'); s.textContent = 'window.injected = true';"
                + "document.body.appendChild(s);");
        assertThat(browser.<Boolean>js("return window.injected === true")).isFalse();
        assertThat(cspViolations(driver)).anySatisfy(m -> assertThat(m).contains("inline style"))
                .anySatisfy(m -> assertThat(m).contains("inline script"));
    }

    @Test
    void aPageOfAnotherOriginCannotFrameDeepDash() throws IOException {
        WebDriver driver = browser.driver();
        cspViolations(driver);
        // Another origin: a page on another loopback port that frames the CNN page, Train button and all.
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = ("<!DOCTYPE html><title>elsewhere</title><iframe src=\"" + server.baseUrl() + "/cnn\"></iframe>")
                .getBytes(StandardCharsets.UTF_8);
        other.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        other.start();
        try {
            driver.get("http://127.0.0.1:" + other.getAddress().getPort() + "/");
            List<String> seen = new ArrayList<>();
            browser.await(d -> {
                seen.addAll(cspViolations(d));
                return !seen.isEmpty();
            });
            assertThat(seen).anySatisfy(message -> assertThat(message).contains("frame-ancestors 'none'", "blocked"));
        } finally {
            other.stop(0);
        }
    }

    @Test
    void thePrintedUrlLetsABrowserInAndTheCookieCarriesThePagesRequests(@TempDir Path tokenDir) {
        try (TestServer guarded = TestServer.start(AppConfig.forTests(tokenDir).withToken(TOKEN),
                SecurityTest.IDLE_WORKER)) {
            WebDriver driver = browser.driver();
            driver.manage().deleteAllCookies();
            driver.get(guarded.baseUrl() + "/cnn");
            // The page's own scripts are refused too (no cookie yet); wait for its body rather than
            // reading the source while the parser may still be at the head (seen once in CI).
            browser.await(d -> d.findElements(By.cssSelector("main .error")).stream()
                    .anyMatch(e -> e.getText().contains("needs its access token")));

            open(guarded.baseUrl(), "/?token=" + TOKEN);
            assertThat(driver.getCurrentUrl()).isEqualTo(guarded.baseUrl() + "/cnn");
            assertThat(browser.<String>js("return document.cookie")).as("HttpOnly").doesNotContain(TOKEN);
            cspViolations(driver);
            driver.findElement(By.cssSelector("#train-form button[type=submit]")).click();
            browser.await(d -> panelRunId() != null);
            assertThat(cspViolations(driver)).isEmpty();
            assertThat(guarded.send(HttpRequest.newBuilder(URI.create(guarded.baseUrl() + "/api/runs"))
                    .header("Authorization", "Bearer " + TOKEN).build()).body()).contains("\"cnn\"");
            assertThat(guarded.send(HttpRequest.newBuilder(URI.create(guarded.baseUrl() + "/api/runs/"
                    + panelRunId() + "/cancel")).header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(200);
            // The final status arrives over the run's event stream, which the cookie opened; then the stream ends.
            browser.await(d -> "cancelled".equals(browser.js(
                    "return document.querySelector('.run-panel').dataset.status")));
        } finally {
            // Leave the page (and its event stream) before its server stops.
            browser.driver().get("about:blank");
            browser.driver().manage().deleteAllCookies();
        }
    }
}
