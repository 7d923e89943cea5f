package deepdash.history;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.digits.TrainedRuns;
import deepdash.model.CnnSettings;
import deepdash.model.CnnSpec;
import deepdash.protocol.RunStatus;
import deepdash.protocol.TestResult;
import deepdash.support.Browser;
import deepdash.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * In headless Chromium: Draw opens with the most accurate model, shows model names whole and says
 * where results will appear; a run is named from its page; "train again" and "open in Draw" land
 * on pages set up from the run.
 */
@Tag("slow")
@Timeout(180)
class RunPageFixesBrowserTest {

    static final String QUICK_RUN = "20261202-160000-aaaaaa";
    static final String LONG_NAME = "Quick seed net, three epochs on two thousand images, batch 64, learning rate 0.002";

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withData(dir -> TrainedRuns.write(dir.resolve("runs"),
            QUICK_RUN, CnnSpec.runConfig(new CnnSettings(3, 64, 0.002, 2_000, "auto")), RunStatus.COMPLETED,
            new TestResult(0.2, 0.9612, null, 10_000, 1.0), true));
    static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    WebDriver open(String path) {
        WebDriver driver = browser.driver();
        driver.get(server.baseUrl() + path);
        return driver;
    }

    /** How wide the option's text is drawn in the select's font, against the room the select has for it. */
    static final String TEXT_FITS = "const s = document.getElementById('draw-model');"
            + "const c = document.createElement('canvas').getContext('2d');"
            + "const st = getComputedStyle(s); c.font = st.font;"
            + "const room = s.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight) - 24;"
            + "return Array.from(s.options).every((o) => c.measureText(o.text).width <= room);";

    @Test
    void drawStartsWithTheBestModelShowsNamesWholeAndSaysWhereResultsAppear() {
        WebDriver driver = open("/draw");
        Select models = new Select(driver.findElement(By.id("draw-model")));
        // The newer 96% run does not replace the shipped 98.7% model.
        assertThat(models.getFirstSelectedOption().getAttribute("value")).isEqualTo("shipped-cnn");
        assertThat(models.getOptions()).hasSize(2);
        assertThat(browser.<Boolean>js(TEXT_FITS)).as("every option's text fits the selector").isTrue();
        assertThat(driver.findElement(By.id("draw-model-details")).getText())
                .isEqualTo(models.getFirstSelectedOption().getText()).contains("test accuracy 98.70%", "best");

        WebElement placeholder = driver.findElement(By.id("draw-placeholder"));
        assertThat(placeholder.isDisplayed()).isTrue();
        assertThat(placeholder.getText()).contains("appears here");
        assertThat(driver.findElement(By.id("draw-result")).isDisplayed()).isFalse();

        WebElement canvas = driver.findElement(By.id("draw-canvas"));
        Actions stroke = new Actions(driver).moveToElement(canvas, 0, -100).clickAndHold();
        for (int step = 1; step <= 10; step++) {
            stroke.moveToElement(canvas, step % 2, -100 + 20 * step);
        }
        stroke.release().perform();
        browser.await(d -> "predicted".equals(d.findElement(By.id("draw-app")).getAttribute("data-state")));
        assertThat(driver.findElement(By.id("draw-app")).getAttribute("data-run")).isEqualTo("shipped-cnn");
        assertThat(driver.findElement(By.id("draw-result")).isDisplayed()).isTrue();
        assertThat(placeholder.isDisplayed()).isFalse();

        models.selectByValue(QUICK_RUN);
        assertThat(driver.findElement(By.id("draw-model-details")).getText()).contains(QUICK_RUN, "96.12%");
        browser.await(d -> QUICK_RUN.equals(d.findElement(By.id("draw-app")).getAttribute("data-run")));

        driver.findElement(By.id("draw-clear")).click();
        assertThat(placeholder.isDisplayed()).isTrue();
    }

    @Test
    void aRunIsNamedFromItsPageAndTheNameShowsInTheListAndInDraw() {
        WebDriver driver = open("/runs/" + QUICK_RUN);
        WebElement name = driver.findElement(By.name("name"));
        name.clear();
        name.sendKeys(LONG_NAME);
        WebElement notes = driver.findElement(By.name("notes"));
        notes.clear();
        notes.sendKeys("Three epochs only.\nTry five next.");
        driver.findElement(By.cssSelector("#run-label-form button[type=submit]")).click();
        browser.await(d -> !d.findElements(By.cssSelector("#run-label-result [data-role=label-saved]")).isEmpty());
        assertThat(driver.findElement(By.id("run-title")).getText()).isEqualTo(LONG_NAME);
        assertThat(driver.getTitle()).isEqualTo(LONG_NAME + " · DeepDash");

        // Too long: the field is named where the form is, and nothing changes.
        browser.js("document.querySelector('#run-label-form [name=name]').value = 'x'.repeat(101)");
        driver.findElement(By.cssSelector("#run-label-form button[type=submit]")).click();
        browser.await(d -> d.findElement(By.id("run-label-result")).getText().contains("name: is 101 characters"));
        assertThat(driver.findElement(By.id("run-title")).getText()).isEqualTo(LONG_NAME);
        assertThat(driver.findElements(By.cssSelector(".run-panel"))).as("the panel stays").hasSize(1);

        driver.navigate().refresh();
        assertThat(driver.findElement(By.name("name")).getAttribute("value")).isEqualTo(LONG_NAME);
        assertThat(driver.findElement(By.name("notes")).getAttribute("value")).isEqualTo("Three epochs only.\nTry five next.");

        open("/runs");
        assertThat(driver.findElement(By.cssSelector("[data-run-id='" + QUICK_RUN + "'] [data-role=run-name]")).getText())
                .isEqualTo(LONG_NAME);
        open("/draw");
        Select models = new Select(driver.findElement(By.id("draw-model")));
        assertThat(models.getOptions().stream().map(WebElement::getText))
                .anyMatch(text -> text.startsWith(LONG_NAME + " (run " + QUICK_RUN + ")"));
        // However long the name, the chosen model's whole text shows under the selector, wrapped, not cut.
        models.selectByValue(QUICK_RUN);
        WebElement details = driver.findElement(By.id("draw-model-details"));
        assertThat(details.getText()).isEqualTo(models.getFirstSelectedOption().getText()).startsWith(LONG_NAME)
                .contains("test accuracy 96.12%", "2026-01-01 00:00 UTC");
        assertThat(browser.<Boolean>js("const e = document.getElementById('draw-model-details');"
                + "return e.scrollWidth <= e.clientWidth")).isTrue();
    }

    @Test
    void trainAgainAndOpenInDrawLandOnPagesSetUpFromTheRun() {
        WebDriver driver = open("/runs/" + QUICK_RUN);
        driver.findElement(By.cssSelector("[data-role=train-again]")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/cnn?from=" + QUICK_RUN));
        WebElement form = driver.findElement(By.id("train-form"));
        assertThat(form.findElement(By.name("epochs")).getAttribute("value")).isEqualTo("3");
        assertThat(form.findElement(By.name("batchSize")).getAttribute("value")).isEqualTo("64");
        assertThat(form.findElement(By.name("learningRate")).getAttribute("value")).isEqualTo("0.002");
        assertThat(form.findElement(By.name("trainLimit")).getAttribute("value")).isEqualTo("2000");
        assertThat(driver.findElement(By.cssSelector("[data-role=from-run]")).getText()).contains(QUICK_RUN);

        open("/runs/" + QUICK_RUN);
        driver.findElement(By.cssSelector("[data-role=open-in-draw]")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/draw?model=" + QUICK_RUN));
        assertThat(new Select(driver.findElement(By.id("draw-model"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(QUICK_RUN);
    }
}
