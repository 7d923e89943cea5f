package deepdash.digits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.json.Json;
import deepdash.support.HeadlessChromium;
import deepdash.support.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The draw page in headless Chromium: strokes drawn with pointer actions (mouse and pen) reach the
 * server as a canvas PNG, and the digit, the bar chart, the model input and the feature maps appear.
 * Needs Debian's {@code chromium} and {@code chromium-driver}; skipped where they are missing.
 */
@Timeout(120)
class DrawPageBrowserTest {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private ChromeDriver driver;

    @BeforeAll
    static void start() {
        HeadlessChromium.assumeInstalled();
    }

    @BeforeEach
    void openBrowser() {
        // A HiDPI screen: the canvas backing store must follow it and the drawing still read right.
        driver = HeadlessChromium.start("--force-device-scale-factor=2");
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aVerticalMouseStrokeReadsAsOneWithChartInputAndFeatureMaps() throws Exception {
        driver.get(server.baseUrl() + "/draw");
        WebElement canvas = driver.findElement(By.id("draw-canvas"));
        assertThat(js("return document.getElementById('draw-canvas').width")).isEqualTo(560L);
        assertThat(driver.findElement(By.id("draw-result")).isDisplayed()).isFalse();

        Actions stroke = new Actions(driver).moveToElement(canvas, 0, -100).clickAndHold();
        for (int step = 1; step <= 10; step++) {
            stroke.moveToElement(canvas, step % 2, -100 + 20 * step);
        }
        stroke.release().perform();

        JsonNode probabilities = awaitPrediction();
        assertThat(driver.findElement(By.id("prediction-digit")).getText()).isEqualTo("1");
        assertThat(sum(probabilities)).isBetween(0.999, 1.001);
        assertThat(probabilities.get(1).asDouble()).isGreaterThan(0.5);
        assertThat(driver.findElement(By.id("draw-app")).getAttribute("data-run")).isEqualTo("shipped-cnn");
        // Chart.js drew the bars into the chart canvas.
        assertThat(driver.findElement(By.id("probability-chart")).isDisplayed()).isTrue();
        assertThat(js("const c = Chart.getChart(document.getElementById('probability-chart'));"
                + "return c ? c.data.datasets[0].data.length : 0")).isEqualTo(10L);
        // The 28x28 input holds ink, and one tile per filter was drawn.
        assertThat((Long) js("const d = document.getElementById('model-input').getContext('2d')"
                + ".getImageData(0, 0, 28, 28).data; let lit = 0;"
                + "for (let i = 0; i < d.length; i += 4) { if (d[i] > 128) lit++; } return lit")).isGreaterThan(20L);
        assertThat(driver.findElements(By.cssSelector("#feature-maps .feature-map-tile"))).hasSize(32 + 64 + 64);
        assertThat(driver.findElement(By.id("feature-maps")).isDisplayed()).isTrue();
        assertThat(severeBrowserErrors()).isEmpty();
    }

    @Test
    void aPenDrawnSevenIsReadAndClearStartsOver() throws Exception {
        driver.get(server.baseUrl() + "/draw");
        WebElement canvas = driver.findElement(By.id("draw-canvas"));

        // A 7 in one pen stroke: the bar left to right, then down and to the left.
        PointerInput pen = new PointerInput(PointerInput.Kind.PEN, "pen");
        Sequence seven = new Sequence(pen, 0);
        seven.addAction(pen.createPointerMove(Duration.ZERO, PointerInput.Origin.fromElement(canvas), -70, -90));
        seven.addAction(pen.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
        for (int step = 1; step <= 8; step++) {
            seven.addAction(pen.createPointerMove(Duration.ofMillis(15), PointerInput.Origin.fromElement(canvas),
                    -70 + 17 * step, -90));
        }
        for (int step = 1; step <= 10; step++) {
            seven.addAction(pen.createPointerMove(Duration.ofMillis(15), PointerInput.Origin.fromElement(canvas),
                    66 - 9 * step, -90 + 19 * step));
        }
        seven.addAction(pen.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        driver.perform(List.of(seven));

        JsonNode probabilities = awaitPrediction();
        assertThat(sum(probabilities)).isBetween(0.999, 1.001);
        assertThat(driver.findElement(By.id("prediction-digit")).getText()).isEqualTo("7");

        driver.findElement(By.id("draw-clear")).click();

        WebElement app = driver.findElement(By.id("draw-app"));
        assertThat(app.getAttribute("data-state")).isEqualTo("empty");
        assertThat(app.getAttribute("data-probabilities")).isNull();
        assertThat(driver.findElement(By.id("draw-result")).isDisplayed()).isFalse();
        assertThat((Long) js("const c = document.getElementById('draw-canvas');"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let inked = 0;"
                + "for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) inked++; } return inked")).isZero();
        assertThat(severeBrowserErrors()).isEmpty();
    }

    private JsonNode awaitPrediction() throws Exception {
        WebElement app = driver.findElement(By.id("draw-app"));
        new WebDriverWait(driver, ANSWER_WITHIN).until(d -> {
            String state = app.getAttribute("data-state");
            if ("error".equals(state)) {
                throw new AssertionError("the page shows an error: " + d.findElement(By.id("draw-error")).getText());
            }
            return "predicted".equals(state) && d.findElement(By.id("probability-chart")).isDisplayed();
        });
        assertThat(driver.findElement(By.id("prediction-digit")).getText()).matches("[0-9]");
        return Json.mapper().readTree(app.getAttribute("data-probabilities"));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static double sum(JsonNode probabilities) {
        assertThat(probabilities).hasSize(10);
        double sum = 0;
        for (JsonNode p : probabilities) {
            sum += p.asDouble();
        }
        return sum;
    }

    private List<String> severeBrowserErrors() {
        return HeadlessChromium.severeConsoleErrors(driver);
    }
}
