package deepdash.cnn;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.support.HeadlessChromium;
import deepdash.support.ScriptedWorker;
import deepdash.support.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The CNN page at 1400x1000 with a scripted worker (no MXNet): what pressing Train shows, a run's
 * live state through its test pass, the per-step loss and the per-epoch log, zoom and its reset, a
 * second run next to the first, and a refused form that leaves the runs alone.
 */
@Tag("slow")
@Timeout(180)
class CnnRunPanelBrowserTest {

    @TempDir
    Path dataDir;
    TestServer server;
    ChromeDriver browser;

    @BeforeEach
    void start() {
        HeadlessChromium.assumeInstalled();
        server = TestServer.start(dataDir, ScriptedWorker.launcher());
        browser = HeadlessChromium.start("--window-size=1400,1000");
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static void fill(WebDriver page, String name, String value) {
        WebElement input = page.findElement(By.name(name));
        input.clear();
        input.sendKeys(value);
    }

    private WebDriverWait waiting(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private void train() {
        browser.findElement(By.cssSelector("#train-form button[type=submit]")).click();
    }

    private List<WebElement> panels() {
        return browser.findElements(By.cssSelector("#run-panels .run-panel"));
    }

    @Test
    void pressingTrainShowsTheRunLiveThroughItsTestPassAndASecondRunOrABadFormLeavesItInSight() {
        browser.get(server.baseUrl() + "/cnn");
        WebElement split = browser.findElement(By.id("train-limit-split"));
        assertThat(split.getText()).isEqualTo("all 60,000 (48,000 train + 12,000 validation)");
        fill(browser, "trainLimit", "2000");
        assertThat(split.getText()).isEqualTo("the first 2,000 (1,600 train + 400 validation)");

        train();
        WebElement panel = waiting(20).until(page -> panels().size() == 1 ? panels().get(0) : null);
        String firstId = panel.getAttribute("data-run-id");
        // Something visible happens: the panel is scrolled into view, the focus is on it, and a line by the button says so.
        assertThat(((Number) js("return arguments[0].getBoundingClientRect().top;", panel)).doubleValue())
                .isBetween(0.0, 200.0);
        assertThat(js("return document.activeElement.closest('.run-panel') === arguments[0];", panel)).isEqualTo(true);
        assertThat(browser.findElement(By.id("train-status")).getAttribute("textContent"))
                .contains("Run " + firstId + " started");

        // The worker goes on once the panel's event stream is open.
        waiting(30).until(page -> Boolean.TRUE.equals(js("return arguments[0].eventSource !== undefined"
                + " && arguments[0].eventSource.readyState === EventSource.OPEN;", panel)));
        ScriptedWorker.release(dataDir, firstId);
        // The worker's test pass shows as such, with its own progress, instead of a frozen last batch.
        waiting(60).until(page -> panel.findElement(By.cssSelector("[data-role=progress-text]")).getText()
                .equals("Evaluating on 10,000 test images · 40%"));
        assertThat(panel.findElement(By.cssSelector("[data-role=progress-box]")).getAttribute("data-phase"))
                .isEqualTo("testing");
        assertThat(panel.findElement(By.cssSelector("[data-role=device]")).getText()).isEqualTo("on CPU");
        assertThat(rowCells(panel)).containsExactly("1", "0.5000", "0.8000", "0.4000", "0.8500", "0.001", "3.5");
        // Live points for every progress line (the stored, thinned series fills in those a late page missed).
        waiting(10).until(page -> Integer.parseInt(panel.getAttribute("data-steps")) >= 3);

        // Dashed val_ series show as a dashed line in the legend, not a dashed box.
        assertThat(js("const c = Chart.getChart(arguments[0].querySelector('[data-role=loss-chart]'));"
                + "const l = c.options.plugins.legend.labels; return l.usePointStyle + ' ' + l.pointStyle;", panel))
                .isEqualTo("true line");
        // Every chart zooms; the controls' button resets them all.
        for (String role : List.of("metric-chart", "loss-chart", "batch-chart")) {
            assertThat(js("const c = Chart.getChart(arguments[0].querySelector('[data-role=" + role + "]'));"
                    + "c.zoom(1.5); return c.isZoomedOrPanned();", panel)).as(role).isEqualTo(true);
        }
        panel.findElement(By.cssSelector("[data-control=reset-zoom]")).click();
        for (String role : List.of("metric-chart", "loss-chart", "batch-chart")) {
            assertThat(js("return Chart.getChart(arguments[0].querySelector('[data-role=" + role + "]'))"
                    + ".isZoomedOrPanned();", panel)).as(role).isEqualTo(false);
        }

        // A second run queues behind the first; both stay on the page, the new one on top with the focus.
        train();
        waiting(20).until(page -> panels().size() == 2);
        WebElement second = panels().get(0);
        assertThat(second.getAttribute("data-run-id")).isNotEqualTo(firstId);
        waiting(10).until(page -> second.findElement(By.cssSelector("[data-role=status]")).getText()
                .equals("queued (place 1 in the queue)"));
        assertThat(panels().get(1).getAttribute("data-run-id")).isEqualTo(firstId);
        assertThat(panels().get(1).getAttribute("data-status")).isEqualTo("running");
        assertThat(js("return document.activeElement.closest('.run-panel') === arguments[0];", second)).isEqualTo(true);

        // A refused form: the message next to the form, by the input's label; the runs and their charts stay.
        fill(browser, "learningRate", "abc");
        train();
        WebElement error = waiting(20).until(page -> page.findElement(By.cssSelector("#train-errors .error")));
        assertThat(error.getText()).isEqualTo("Learning rate: must be a number, got \"abc\"");
        WebElement rate = browser.findElement(By.name("learningRate"));
        assertThat(rate.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(rate.getAttribute("aria-describedby")).contains("train-error-message");
        assertThat(panels()).hasSize(2);
        assertThat(js("return Chart.getChart(arguments[0].querySelector('[data-role=loss-chart]')) !== undefined;",
                panels().get(1))).isEqualTo(true);
        assertThat(browser.findElement(By.id("train-status")).getText()).isEmpty();

        // A good value again: the mark goes, the error region empties.
        fill(browser, "learningRate", "0.001");
        train();
        waiting(20).until(page -> panels().size() == 3);
        assertThat(rate.getAttribute("aria-invalid")).isNull();
        assertThat(browser.findElements(By.cssSelector("#train-errors .error"))).isEmpty();

        // A reload shows every unfinished run, the epoch log and the stored per-step series.
        browser.navigate().refresh();
        waiting(20).until(page -> panels().size() == 3);
        WebElement reloaded = browser.findElement(By.id("run-" + firstId));
        assertThat(rowCells(reloaded)).containsExactly("1", "0.5000", "0.8000", "0.4000", "0.8500", "0.001", "3.5");
        waiting(20).until(page -> reloaded.getAttribute("data-steps") != null
                && Integer.parseInt(reloaded.getAttribute("data-steps")) == 3);
        // The refused form's 400 is logged by the browser as any 4xx is; nothing else may be.
        assertThat(HeadlessChromium.severeConsoleErrors(browser)).as("browser console errors")
                .allMatch(e -> e.contains("/ui/runs - Failed to load resource: the server responded with a status of 400"));
    }

    private static List<String> rowCells(WebElement panel) {
        return panel.findElements(By.cssSelector("[data-role=epoch-rows] tr[data-epoch='1'] td")).stream()
                .map(WebElement::getText).toList();
    }
}
