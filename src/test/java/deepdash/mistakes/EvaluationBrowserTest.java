package deepdash.mistakes;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.digits.TrainedRuns;
import deepdash.mnist.MnistData;
import deepdash.support.Browser;
import deepdash.support.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A run's page in headless Chromium: the evaluation loads, a click on a cell shows its digits, one opens on the Draw page. */
@Tag("slow")
@Timeout(300)
class EvaluationBrowserTest {

    static final String RUN = "20260301-000000-abcdef";

    @RegisterExtension
    static final TestServer server = TestServer.perClass()
            .withData(dir -> TrainedRuns.completedCnn(dir.resolve("runs"), RUN, 0.987));
    static Browser browser;
    static byte[] labels;

    @BeforeAll
    static void start() {
        browser = Browser.start();
        labels = MnistData.loadTestLabels(null);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void clickingAConfusionCellShowsItsDigitsAndOneOpensOnTheDrawPage() {
        WebDriver driver = browser.driver();
        driver.get(server.baseUrl() + "/runs/" + RUN);
        // The first evaluation of a run computes 10,000 answers: seconds, not milliseconds.
        new WebDriverWait(driver, Duration.ofSeconds(120))
                .until(d -> !d.findElements(By.cssSelector("table.confusion .cm-button")).isEmpty());
        List<WebElement> cells = driver.findElements(By.cssSelector("table.confusion .cm-button"));
        assertThat(cells).hasSize(100);
        long total = browser.js("return Array.from(document.querySelectorAll('table.confusion .cm-count'))"
                + ".reduce((sum, e) => sum + Number(e.textContent), 0)");
        assertThat(total).isEqualTo(10_000L);

        // The most common mistake: the off-diagonal cell with the largest count.
        WebElement busiest = null;
        int busiestCount = -1;
        for (WebElement cell : cells) {
            int count = Integer.parseInt(cell.findElement(By.cssSelector(".cm-count")).getText().trim());
            if (!cell.getAttribute("data-actual").equals(cell.getAttribute("data-predicted")) && count > busiestCount) {
                busiest = cell;
                busiestCount = count;
            }
        }
        assertThat(busiestCount).isPositive();
        String actual = busiest.getAttribute("data-actual");
        String predicted = busiest.getAttribute("data-predicted");
        busiest.click();

        int expectedTiles = Math.min(busiestCount, EvaluationController.CELL_PAGE_IMAGES);
        browser.await(d -> d.findElements(By.cssSelector("#evaluation-cell .digit-tile canvas[data-drawn]")).size()
                == expectedTiles);
        assertThat(driver.findElement(By.cssSelector("#evaluation-cell h3")).getText())
                .contains(actual + "s read as " + predicted + ": " + busiestCount);
        assertThat(busiest.getAttribute("class")).contains("selected");
        List<WebElement> tiles = driver.findElements(By.cssSelector("#evaluation-cell .digit-tile"));
        for (WebElement tile : tiles) {
            assertThat(tile.getAttribute("data-actual")).isEqualTo(actual);
            assertThat(tile.getAttribute("data-predicted")).isEqualTo(predicted);
            int index = Integer.parseInt(tile.getAttribute("data-index"));
            assertThat(labels[index]).as("IDX label of test image " + index).isEqualTo(Byte.parseByte(actual));
            assertThat(tile.findElements(By.cssSelector(".top3 li"))).hasSize(3);
        }
        // The canvases hold the digits: white ink on black.
        long inked = browser.js("const c = document.querySelector('#evaluation-cell canvas');"
                + "const d = c.getContext('2d').getImageData(0, 0, 28, 28).data; let n = 0;"
                + "for (let i = 0; i < d.length; i += 4) { if (d[i] > 128) n++; } return n;");
        assertThat(inked).isBetween(20L, 500L);

        // Open the first one on the Draw page: it loads that test image and reads it as the cell says.
        WebElement first = tiles.get(0);
        String index = first.getAttribute("data-index");
        first.findElement(By.linkText("open on the Draw page")).click();
        browser.await(d -> d.getCurrentUrl().contains("/draw?mnist=test:" + index + "&run=" + RUN));
        browser.await(d -> "predicted".equals(d.findElement(By.id("draw-app")).getAttribute("data-state")));
        WebElement app = driver.findElement(By.id("draw-app"));
        assertThat(app.getAttribute("data-mnist")).isEqualTo("test:" + index);
        assertThat(app.getAttribute("data-mnist-label")).isEqualTo(actual);
        assertThat(app.getAttribute("data-digit")).isEqualTo(predicted);
        assertThat(app.getAttribute("data-run")).isEqualTo(RUN);
        assertThat(driver.findElement(By.id("draw-evaluation")).getAttribute("href")).endsWith("/evaluation/" + RUN);
    }

    @Test
    void theShippedModelHasAnEvaluationPageOfItsOwn() {
        WebDriver driver = browser.driver();
        driver.get(server.baseUrl() + "/evaluation/shipped-cnn");
        new WebDriverWait(driver, Duration.ofSeconds(120))
                .until(d -> !d.findElements(By.cssSelector("table.confusion .cm-button")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("[data-role=mistakes] .digit-tile canvas[data-drawn]")))
                .hasSize(EvaluationController.GALLERY_IMAGES);
        assertThat(driver.findElement(By.cssSelector("table.per-class tbody")).findElements(By.tagName("tr")))
                .hasSize(10);
    }
}
