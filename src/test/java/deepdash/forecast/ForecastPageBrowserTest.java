package deepdash.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.series.Forecast;
import deepdash.support.HeadlessChromium;
import deepdash.support.TestServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Forecast page in headless Chromium: the series chart draws, an upload swaps in what was read,
 * Train streams a live run, and the finished run's forecast chart and verdict appear. Skipped where
 * Chromium or its driver is not installed.
 */
@Tag("slow")
@Timeout(300)
class ForecastPageBrowserTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    static WebDriver browser;

    @BeforeAll
    static void start() {
        HeadlessChromium.assumeInstalled();
        browser = HeadlessChromium.start("--window-size=1280,3000");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static WebDriverWait waitUpTo(int seconds) {
        // htmx swaps fragments while the test reads them: an element found a moment ago can be replaced.
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(seconds))
                .ignoring(StaleElementReferenceException.class);
    }

    @Test
    void uploadTrainAndSeeTheForecast() throws Exception {
        browser.get(server.baseUrl() + "/forecast");
        waitUpTo(20).until(b -> "Adj Close".equals(js(
                "return document.querySelector('canvas[data-role=\"series-chart\"]').dataset.drawnColumn")));
        assertThat(browser.findElement(By.cssSelector(".read-summary")).getText()).contains("2,346 usable rows");

        Path csv = server.dataDir().resolve("browser-upload.csv");
        try (InputStream in = getClass().getResourceAsStream("/data/prices/sample-synthetic-prices.csv")) {
            Files.write(csv, in.readAllBytes());
        }
        browser.findElement(By.cssSelector("#upload-form input[type=file]")).sendKeys(csv.toString());
        waitUpTo(20).until(b -> b.findElement(By.id("upload-status")).getText().contains("browser-upload.csv"));
        waitUpTo(20).until(b -> b.findElement(By.cssSelector("#dataset-panel .read-summary")).getText()
                .contains("browser-upload.csv"));
        waitUpTo(20).until(b -> "Adj Close".equals(js(
                "return document.querySelector('canvas[data-role=\"series-chart\"]').dataset.drawnColumn")));

        // Choosing another target redraws the chart of the whole series.
        js("const s = document.querySelector('[data-role=\"target-select\"]'); s.value = 'Open';"
                + "s.dispatchEvent(new Event('change', {bubbles: true}));");
        waitUpTo(20).until(b -> "Open".equals(js(
                "return document.querySelector('canvas[data-role=\"series-chart\"]').dataset.drawnColumn")));

        js("const f = document.getElementById('forecast-form');"
                + "f.target.value = 'Adj Close'; f.from.value = '2022-06-01'; f.splitDate.value = '2023-06-01';"
                + "f.epochs.value = '2'; f.recipe.value = 'returns';");
        assertThat(browser.findElement(By.cssSelector("[data-role=defaults-rule]")).getText())
                .contains("the file covers the seed's setting");
        browser.findElement(By.cssSelector("#forecast-form button[type=submit]")).click();

        WebElement panel = waitUpTo(30).until(b -> b.findElement(By.cssSelector("#run-panel .run-panel")));
        waitUpTo(180).until(b -> "completed".equals(panel.getAttribute("data-status")));
        assertThat(panel.getAttribute("data-epochs")).isEqualTo("2");
        assertThat(panel.findElement(By.cssSelector("[data-role=result]")).getText()).contains("test loss");

        waitUpTo(30).until(b -> "true".equals(js(
                "const c = document.querySelector('#forecast-result canvas[data-role=\"forecast-chart\"]');"
                        + "return c ? c.dataset.drawn : null")));
        String verdict = browser.findElement(By.cssSelector("#forecast-result .verdict")).getText();
        assertThat(verdict).containsAnyOf("The LSTM beats the naive forecast", "The LSTM loses to the naive forecast",
                "The LSTM is no better than \"tomorrow = today\": the difference is within noise, p = ");
        assertThat(browser.findElement(By.cssSelector("[data-role=dm-p-value]")).getText()).startsWith("p = ");
        assertThat(browser.findElement(By.cssSelector("#forecast-result [data-role=recipe]")).getText())
                .isEqualTo("recipe returns");
        assertThat(browser.findElement(By.cssSelector("[data-role=mae-ratio]")).getText()).matches("\\d+\\.\\d{3}");
        assertThat(((Number) js("return document.querySelector('#forecast-result canvas').chart.data.datasets.length"))
                .intValue()).isEqualTo(3);

        // Zoom and pan: the plugin (a webjar) is registered, the chart zooms, and the button shows it whole again.
        assertThat(js("return !!Chart.registry.plugins.get('zoom')")).isEqualTo(true);
        assertThat(js("const c = document.querySelector('#forecast-result canvas').chart;"
                + "c.zoom(2); return c.isZoomedOrPanned()")).isEqualTo(true);
        browser.findElement(By.cssSelector("#forecast-result [data-chart-reset-zoom]")).click();
        waitUpTo(5).until(b -> Boolean.FALSE.equals(js(
                "return document.querySelector('#forecast-result canvas').chart.isZoomedOrPanned()")));
        assertThat(browser.findElement(By.cssSelector("#forecast-result [data-role=forecast-csv]"))
                .getAttribute("href")).endsWith("/forecast.csv");
        assertThat(browser.findElement(By.cssSelector("[data-role=ratio-reading]")).getText())
                .containsAnyOf("below 1: the LSTM's errors are smaller", "above 1: the LSTM's errors are larger",
                        "exactly 1");

        // For a person to look at: the whole page after the run.
        js("document.body.style.zoom = '0.6'");
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "forecast-page.png"), png);
    }
}
