package deepdash.cnn;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.support.HeadlessChromium;
import deepdash.support.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Editing the network on the CNN page: the summary follows, an impossible one blocks Train, an edited one trains. */
@Tag("slow")
@Timeout(240)
class ArchitectureEditorBrowserTest {

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

    private void fill(String name, String value) {
        WebElement input = browser.findElement(By.name(name));
        input.clear();
        input.sendKeys(value, Keys.TAB);
    }

    /** Read in one script call: htmx may swap the summary between a find and a read. */
    private static String totalParams(WebDriver page) {
        return (String) ((JavascriptExecutor) page).executeScript("const t = document.querySelector("
                + "'#architecture-summary [data-total-params]'); return t ? t.textContent.trim() : null;");
    }

    private WebElement trainButton() {
        return browser.findElement(By.id("train-button"));
    }

    /**
     * On a laptop-wide window the blocks sit side by side and each field's name sits beside its
     * input. The site-wide form style (a wrapping row of fields, each name above its input) once
     * applied here too: every block stacked in one narrow column, the summary pushed far below.
     */
    @Test
    void theBlocksSitSideBySideWithEachFieldsNameBesideItsInput() {
        browser.get(server.baseUrl() + "/cnn");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(page -> "60,554".equals(totalParams(page)));
        @SuppressWarnings("unchecked")
        Map<String, Number> layout = (Map<String, Number>) browser.executeScript("""
                const blocks = [...document.querySelectorAll('.arch-block')].map(b => b.getBoundingClientRect());
                const input = document.querySelector('input[name="b0.filters"]');
                const label = input.closest('label').getBoundingClientRect();
                const field = input.getBoundingClientRect();
                return {firstTop: blocks[0].top, secondTop: blocks[1].top, firstRight: blocks[0].right,
                        secondLeft: blocks[1].left, inputLeft: field.left - label.left,
                        labelHeight: label.height, inputHeight: field.height};
                """);
        assertThat(Math.abs(layout.get("secondTop").doubleValue() - layout.get("firstTop").doubleValue()))
                .as("block 2 on block 1's row: %s", layout).isLessThan(20.0);
        assertThat(layout.get("secondLeft").doubleValue()).as("block 2 right of block 1: %s", layout)
                .isGreaterThan(layout.get("firstRight").doubleValue());
        assertThat(layout.get("inputLeft").doubleValue()).as("the input right of its name: %s", layout)
                .isGreaterThan(40.0);
        assertThat(layout.get("labelHeight").doubleValue()).as("name and input on one line: %s", layout)
                .isLessThan(layout.get("inputHeight").doubleValue() * 1.5);
    }

    @Test
    void editingTheNetworkUpdatesTheSummaryBlocksAnImpossibleOneAndTrainsAnEditedOne() {
        browser.get(server.baseUrl() + "/cnn");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(page -> "60,554".equals(totalParams(page)));
        // Gone if the page reloads.
        browser.executeScript("window.deepdashNoReload = true;");

        // Typing alone updates the summary, without leaving the field.
        WebElement filters = browser.findElement(By.name("b0.filters"));
        filters.sendKeys(Keys.chord(Keys.CONTROL, "a"), "16");
        wait.withMessage(() -> "summary: " + browser.findElement(By.id("architecture-summary")).getText()
                + " / filters: " + filters.getAttribute("value"))
                .until(page -> "51,178".equals(totalParams(page)));

        fill("b2.kernel", "7");
        WebElement error = wait.until(page -> page.findElement(By.cssSelector("#architecture-summary .error")));
        assertThat(error.getText()).isEqualTo("block 3: kernel 7 does not fit a 5x5 map");
        wait.until(page -> !trainButton().isEnabled());

        fill("b2.kernel", "3");
        wait.until(page -> "51,178".equals(totalParams(page)));
        assertThat(trainButton().isEnabled()).isTrue();

        // A small network: one block of 8 filters, 4x4 max pooling, straight to the output.
        browser.findElement(By.name("b1.on")).click();
        browser.findElement(By.name("b2.on")).click();
        browser.findElement(By.name("d0.on")).click();
        fill("b0.filters", "8");
        fill("b0.poolSize", "4");
        // conv 3x3x1x8+8 = 80; 26 -> pool 4: 6; flatten 8x6x6 = 288; dense 10x(288+1) = 2,890.
        wait.until(page -> "2,970".equals(totalParams(page)));
        assertThat(browser.findElement(By.id("architecture-json")).getAttribute("value"))
                .contains("\"filters\":8", "\"size\":4");

        fill("epochs", "2");
        fill("trainLimit", "300");
        trainButton().click();
        WebDriverWait training = new WebDriverWait(browser, Duration.ofSeconds(150));
        training.until(page -> "completed".equals(page.findElement(By.cssSelector(".run-panel"))
                .getAttribute("data-status")));
        assertThat(browser.findElement(By.cssSelector("[data-role=result]")).getText()).startsWith("test accuracy 0.");
        // The coach reads the edited network's curves: two epochs give at least the best epoch's note.
        wait.until(page -> !page.findElements(By.cssSelector(".run-panel [data-role=notes] li[data-kind=best_epoch]"))
                .isEmpty());
        assertThat(browser.findElement(By.cssSelector(".run-panel [data-role=notes-box]")).isDisplayed()).isTrue();

        browser.findElement(By.id("architecture-reset")).click();
        wait.until(page -> "60,554".equals(totalParams(page)));
        assertThat(browser.findElement(By.name("b1.on")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("architecture-json")).getAttribute("value")).isEmpty();
        assertThat(browser.executeScript("return window.deepdashNoReload === true;")).as("no page reload")
                .isEqualTo(true);
        assertThat(HeadlessChromium.severeConsoleErrors(browser)).as("browser console errors").isEmpty();
    }
}
