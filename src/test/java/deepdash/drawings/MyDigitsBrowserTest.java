package deepdash.drawings;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.support.HeadlessChromium;
import deepdash.support.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The personal test set in headless Chromium: a digit drawn on /draw is saved with the label the
 * user picks, then shown, scored, relabelled and deleted on /draw/mine. Skipped where Debian's
 * chromium and chromium-driver are missing.
 */
@Timeout(180)
class MyDigitsBrowserTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private ChromeDriver driver;

    @BeforeAll
    static void needsChromium() {
        HeadlessChromium.assumeInstalled();
    }

    @BeforeEach
    void openBrowser() {
        driver = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void drawSaveWithLabelThenSeeRelabelAndDeleteOnMyDigits() {
        driver.get(server.baseUrl() + "/draw");
        WebElement app = driver.findElement(By.id("draw-app"));
        WebElement save = driver.findElement(By.id("draw-save-button"));

        // Nothing drawn yet: the page says so and saves nothing.
        save.click();
        assertThat(driver.findElement(By.id("draw-error")).getText()).contains("draw a digit first");

        drawAOne();
        await().until(d -> "predicted".equals(app.getAttribute("data-state")));

        // No label picked: nothing is pre-selected, the user must choose.
        Select label = new Select(driver.findElement(By.id("draw-label")));
        assertThat(label.getFirstSelectedOption().getAttribute("value")).isEmpty();
        save.click();
        assertThat(driver.findElement(By.id("draw-error")).getText()).contains("pick the digit you drew");
        assertThat(TestServer.json(server.get("/api/drawings"))).isEmpty();

        label.selectByValue("1");
        save.click();
        await().until(d -> "saved".equals(app.getAttribute("data-save-state")));
        WebElement saved = driver.findElement(By.id("draw-saved"));
        assertThat(saved.isDisplayed()).isTrue();
        assertThat(saved.getText()).isEqualTo("Saved as a 1 — see My digits");
        assertThat(driver.findElement(By.id("draw-error")).isDisplayed()).isFalse();
        String id = app.getAttribute("data-saved");
        assertThat(TestServer.json(server.get("/api/drawings/" + id)).get("label").asInt()).isEqualTo(1);
        assertThat(label.getFirstSelectedOption().getAttribute("value")).as("reset for the next drawing").isEmpty();

        // The link goes to My digits, where the drawing is shown with its label and its 28x28 input.
        saved.findElement(By.linkText("My digits")).click();
        await().until(ExpectedConditions.urlToBe(server.baseUrl() + "/draw/mine"));
        WebElement tile = driver.findElement(By.id("drawing-" + id));
        assertThat(tile.getAttribute("data-label")).isEqualTo("1");
        assertThat(tile.getText()).contains("labelled 1");
        assertThat((Long) js("const d = document.querySelector('#drawing-" + id + " canvas').getContext('2d')"
                + ".getImageData(0, 0, 28, 28).data; let lit = 0;"
                + "for (let i = 0; i < d.length; i += 4) { if (d[i] > 128) lit++; } return lit")).isGreaterThan(20L);
        // The score table comes in after the page: the shipped model reads the 1 as a 1.
        By shippedRow = By.cssSelector("#drawing-scores tr[data-model='shipped-cnn']");
        await().until(ExpectedConditions.presenceOfElementLocated(shippedRow));
        assertThat(driver.findElement(shippedRow).getAttribute("data-correct")).isEqualTo("1");
        assertThat(driver.findElement(shippedRow).getText()).contains("1 / 1", "100.0%", "none");

        // Relabel: htmx swaps the tile and the score table reloads with a miss.
        new Select(tile.findElement(By.name("label"))).selectByValue("7");
        await().until(d -> "7".equals(d.findElement(By.id("drawing-" + id)).getAttribute("data-label")));
        assertThat(driver.findElement(By.id("drawing-" + id)).getText()).contains("labelled 7");
        await().until(d -> "0".equals(d.findElement(shippedRow).getAttribute("data-correct")));
        assertThat(driver.findElement(shippedRow).getText()).contains("0 / 1", "7 → 1");
        assertThat(TestServer.json(server.get("/api/drawings/" + id)).get("label").asInt()).isEqualTo(7);

        // Delete, after the browser's confirmation: the grid says how to add drawings again.
        driver.findElement(By.cssSelector("#drawing-" + id + " button.danger")).click();
        await().until(ExpectedConditions.alertIsPresent());
        assertThat(driver.switchTo().alert().getText()).contains("Delete this drawing of a 7");
        driver.switchTo().alert().accept();
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("drawings-empty")));
        assertThat(driver.findElements(By.id("drawing-" + id))).isEmpty();
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("scores-empty")));
        assertThat(TestServer.json(server.get("/api/drawings"))).isEmpty();
        assertThat(HeadlessChromium.severeConsoleErrors(driver)).isEmpty();
    }

    private void drawAOne() {
        WebElement canvas = driver.findElement(By.id("draw-canvas"));
        Actions stroke = new Actions(driver).moveToElement(canvas, 0, -100).clickAndHold();
        for (int step = 1; step <= 10; step++) {
            stroke.moveToElement(canvas, step % 2, -100 + 20 * step);
        }
        stroke.release().perform();
    }

    /** htmx replaces elements while a condition reads them: a stale element means "look again". */
    private FluentWait<WebDriver> await() {
        return new WebDriverWait(driver, WITHIN).ignoring(StaleElementReferenceException.class);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }
}
