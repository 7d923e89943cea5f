package deepdash.cell;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import deepdash.support.Browser;
import deepdash.support.HeadlessChromium;
import deepdash.support.SseStream;
import deepdash.support.TestServer;
import java.net.http.HttpResponse;
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
import org.openqa.selenium.support.ui.Select;

/**
 * The Cell view in headless Chromium: from the run's page to the view, then another test day picked
 * in the select swaps in that day's heat maps, drawn on their canvases, without a console error.
 */
@Tag("slow")
@Timeout(300)
class CellPageBrowserTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    static Browser browser;
    static String runId;

    @BeforeAll
    static void trainAndStart() {
        HttpResponse<String> created = server.postJson("/api/runs", "{\"model\":\"lstm\","
                + "\"dataset\":\"sample-synthetic\",\"window\":5,\"from\":\"2023-01-01\",\"splitDate\":\"2023-11-01\","
                + "\"epochs\":1,\"batchSize\":32}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        runId = json(created).get("id").asText();
        try (SseStream stream = server.events(runId, null)) {
            stream.readToEnd();
        }
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    /** How many heat maps of the shown section have been painted, and whether a painted pixel is not blank. */
    long drawnMaps() {
        return browser.<Long>js("return document.querySelectorAll('#cell-trace canvas[data-role=heat-map][data-drawn]')"
                + ".length;");
    }

    @Test
    void pickingADaySwapsInItsHeatMaps() {
        WebDriver driver = browser.driver();
        driver.get(server.baseUrl() + "/runs/" + runId);
        driver.findElement(By.cssSelector("[data-role=cell-link]")).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/runs/" + runId + "/cell"));

        WebElement section = driver.findElement(By.id("cell-trace"));
        String firstDate = section.getAttribute("data-date");
        // Two layers of 5 steps: 4 gates, cell and hidden each.
        long maps = driver.findElements(By.cssSelector("#cell-trace canvas[data-role=heat-map]")).size();
        assertThat(maps).isEqualTo(2 * 5 * 6);
        browser.await(d -> drawnMaps() == maps);

        Select days = new Select(driver.findElement(By.cssSelector("[data-role=cell-date]")));
        assertThat(days.getFirstSelectedOption().getAttribute("value")).isEqualTo(firstDate);
        String other = days.getOptions().get(0).getAttribute("value");
        assertThat(other).isNotEqualTo(firstDate);
        days.selectByValue(other);
        // Read in the page: a WebElement found just before htmx swaps the section would be stale.
        browser.await(d -> other.equals(browser.js("return document.getElementById('cell-trace').dataset.date;")));
        browser.await(d -> drawnMaps() == maps);
        browser.await(d -> d.getCurrentUrl().endsWith("/runs/" + runId + "/cell?date=" + other));

        // The painted squares carry colour: a forget-gate map is not left blank.
        Long painted = browser.js("const c = document.querySelector('#cell-trace canvas[data-gate=forget]');"
                + "const p = c.getContext('2d').getImageData(1, 1, 1, 1).data; return p[3];");
        assertThat(painted).isEqualTo(255L);
        assertThat(driver.findElement(By.id("cell-trace")).getText()).contains("forget gate mean",
                "Layer 1 · 32 units", "Layer 2 · 16 units");
        List<String> errors = HeadlessChromium.severeConsoleErrors(driver);
        assertThat(errors).isEmpty();
    }
}
