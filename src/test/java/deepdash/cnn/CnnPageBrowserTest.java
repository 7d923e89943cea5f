package deepdash.cnn;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.support.HeadlessChromium;
import deepdash.support.TestServer;
import java.nio.file.Path;
import java.time.Duration;
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

/** A learner's first visit: open the CNN page, press Train, watch the charts grow, read the result. */
@Tag("slow")
@Timeout(240)
class CnnPageBrowserTest {

    @TempDir
    Path dataDir;
    TestServer server;
    ChromeDriver browser;

    @BeforeEach
    void start() {
        HeadlessChromium.assumeInstalled();
        server = TestServer.start(dataDir);
        browser = HeadlessChromium.start();
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

    private static void fill(WebDriver page, String name, String value) {
        WebElement input = page.findElement(By.name(name));
        input.clear();
        input.sendKeys(value);
    }

    private static long chartPoints(WebDriver page, String role) {
        Object points = ((JavascriptExecutor) page).executeScript(
                "const c = Chart.getChart(document.querySelector('.run-panel [data-role=\"" + role + "\"]'));"
                        + "return c ? c.data.datasets[0].data.length : -1;");
        return ((Number) points).longValue();
    }

    @Test
    void trainingFromTheFormStreamsEpochsIntoBothChartsAndShowsTheTestResult() {
        browser.get(server.baseUrl() + "/cnn");
        assertThat(browser.findElement(By.cssSelector("[data-total-params]")).getText()).isEqualTo("60,554");
        fill(browser, "epochs", "2");
        fill(browser, "trainLimit", "2000");
        // Every phase the progress box goes through, as the real worker reports it.
        ((JavascriptExecutor) browser).executeScript("window.phasesSeen = [];"
                + "new MutationObserver((changes) => changes.forEach((c) => {"
                + "  const phase = c.target.getAttribute('data-phase');"
                + "  if (phase && !window.phasesSeen.includes(phase)) { window.phasesSeen.push(phase); }"
                + "})).observe(document.body, {subtree: true, attributes: true, attributeFilter: ['data-phase']});");
        browser.findElement(By.cssSelector("#train-form button[type=submit]")).click();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        wait.until(page -> "1".equals(page.findElement(By.cssSelector(".run-panel")).getAttribute("data-epochs")));

        // A second tab opened mid-run shows the same charts, history included.
        String firstTab = browser.getWindowHandle();
        browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        browser.get(server.baseUrl() + "/cnn");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(page -> chartPoints(page, "loss-chart") >= 1);
        browser.close();
        browser.switchTo().window(firstTab);

        wait.until(page -> "completed".equals(page.findElement(By.cssSelector(".run-panel")).getAttribute("data-status")));
        assertThat(chartPoints(browser, "metric-chart")).isEqualTo(2);
        assertThat(chartPoints(browser, "loss-chart")).isEqualTo(2);
        String result = browser.findElement(By.cssSelector("[data-role=result]")).getText();
        assertThat(result).startsWith("test accuracy 0.").contains("on 10,000 test samples", "took");
        // The validation and test passes showed as such, the per-step loss was drawn, the epoch log has both epochs.
        assertThat(((JavascriptExecutor) browser).executeScript("return window.phasesSeen.join(',');"))
                .asString().contains("training", "validating", "testing");
        WebElement panel = browser.findElement(By.cssSelector(".run-panel"));
        assertThat(Integer.parseInt(panel.getAttribute("data-steps"))).isPositive();
        assertThat(panel.findElements(By.cssSelector("[data-role=epoch-rows] tr"))).hasSize(2);
        assertThat(panel.findElement(By.cssSelector("[data-role=device]")).getText()).isIn("on CPU", "on GPU 0");
        assertThat(HeadlessChromium.severeConsoleErrors(browser)).as("browser console errors").isEmpty();
    }

    @Test
    void aBadFormValueShowsTheMessageNextToTheFormByItsLabel() {
        browser.get(server.baseUrl() + "/cnn");
        // Numeric fields are checked by the browser itself; the learning rate is free text.
        fill(browser, "learningRate", "fast");
        browser.findElement(By.cssSelector("#train-form button[type=submit]")).click();
        WebElement error = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(page -> page.findElement(By.cssSelector("#train-errors .error")));
        assertThat(error.getText()).isEqualTo("Learning rate: must be a number, got \"fast\"");
        assertThat(browser.findElements(By.cssSelector("#run-panel .error"))).isEmpty();
    }
}
