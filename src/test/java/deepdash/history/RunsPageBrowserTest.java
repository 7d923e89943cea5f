package deepdash.history;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.runs.RunStore;
import deepdash.support.Browser;
import deepdash.support.SyntheticRuns;
import deepdash.support.SyntheticRuns.Written;
import deepdash.support.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The Runs pages in headless Chromium: filters, selection, compare charts and their controls, delete. */
@Tag("slow")
@Timeout(180)
class RunsPageBrowserTest {

    static Written written;
    @RegisterExtension
    static final TestServer server = TestServer.perClass()
            .withData(dir -> written = SyntheticRuns.write(new RunStore(dir.resolve("runs")), 60, 4));
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

    static List<WebElement> rows(WebDriver driver) {
        return driver.findElements(By.cssSelector("#run-table tbody tr[data-run-id]"));
    }

    @Test
    void filtersSwapTheTableAndTickedRunsOpenTheComparison() {
        WebDriver driver = open("/runs");
        // Under load the driver has been seen to return before the table was all there: wait for it.
        browser.await(d -> rows(d).size() == 50);
        WebElement compare = driver.findElement(By.cssSelector("[data-role=compare]"));
        assertThat(compare.isEnabled()).isFalse();

        WebElement oldTable = driver.findElement(By.id("run-table"));
        new Select(driver.findElement(By.name("model"))).selectByValue("lstm");
        browser.await(d -> {
            try {
                oldTable.isDisplayed();
                return false;
            } catch (StaleElementReferenceException swapped) {
                return true;
            }
        });
        assertThat(rows(driver)).hasSize(15).allSatisfy(row -> assertThat(row.getText()).contains("lstm", "ds-"));
        assertThat(driver.getCurrentUrl()).endsWith("/runs?model=lstm");

        List<WebElement> boxes = driver.findElements(By.cssSelector("#run-table input[name=ids]"));
        boxes.get(0).click();
        assertThat(compare.isEnabled()).as("one run is not a comparison").isFalse();
        boxes.get(1).click();
        boxes.get(2).click();
        assertThat(compare.isEnabled()).isTrue();
        assertThat(driver.findElement(By.cssSelector("[data-role=selection]")).getText()).isEqualTo("3 selected");
        compare.click();
        browser.await(d -> d.getCurrentUrl().contains("/runs/compare?ids="));
        assertThat(driver.getCurrentUrl()).contains(String.join(",", written.newestFirst().stream()
                .filter(id -> SyntheticRuns.isLstm(written.ids().indexOf(id))).limit(3).toList()));
    }

    @Test
    void compareChartsOverlayEveryRunAndFollowTheControls() {
        List<String> ids = written.newestFirst().subList(0, 4);
        open("/runs/compare?ids=" + String.join(",", ids));
        String chart = "Chart.getChart(document.querySelector('canvas[data-compare-metric=\"%s\"]'))";
        // A classifier's loss and a forecaster's are never overlaid: each kind has its own loss chart.
        String loss = "Chart.getChart(document.querySelector("
                + "'canvas[data-compare-metric=\"loss\"][data-compare-kind=\"forecaster\"]'))";
        String classifierLoss = "Chart.getChart(document.querySelector("
                + "'canvas[data-compare-metric=\"loss\"][data-compare-kind=\"classifier\"]'))";
        String accuracy = String.format(chart, "val_accuracy");
        browser.await(d -> browser.js("return " + loss + " !== undefined"));
        assertThat(browser.<Long>js("return " + loss + ".data.datasets.length")).as("the one LSTM run of four")
                .isEqualTo(1L);
        assertThat(browser.<Long>js("return " + classifierLoss + ".data.datasets.length")).isEqualTo(3L);
        assertThat(browser.<Long>js("return " + accuracy + ".data.datasets.length")).as("three CNN runs of four")
                .isEqualTo(3L);
        assertThat(browser.<List<String>>js("return " + classifierLoss + ".data.datasets.map(d => d.borderColor)"))
                .doesNotHaveDuplicates();

        browser.js("const s = document.querySelector('[data-control=smoothing]'); s.value = '0.6';"
                + "s.dispatchEvent(new Event('input'));");
        assertThat(browser.<Long>js("return " + loss + ".data.datasets.length")).as("raw and smoothed").isEqualTo(2L);
        assertThat(browser.<Boolean>js("const ds = " + loss + ".data.datasets;"
                + "return ds[1].data[1].y !== ds[0].data[1].y && ds[0].borderColor.startsWith('rgba')")).isTrue();

        browser.js("document.querySelector('[data-control=log]').click();");
        assertThat(browser.<String>js("return " + loss + ".options.scales.y.type")).isEqualTo("logarithmic");
        assertThat(browser.<String>js("return " + accuracy + ".options.scales.y.type")).isEqualTo("linear");

        browser.js("const x = document.querySelector('[data-control=x]'); x.value = 'time';"
                + "x.dispatchEvent(new Event('change'));");
        assertThat(browser.<String>js("return " + loss + ".options.scales.x.title.text")).isEqualTo("wall time");
        // The newest run is an LSTM run; its second epoch ended 5 s into its training.
        assertThat(browser.<Number>js("return " + loss + ".data.datasets[0].data[1].x").doubleValue()).isEqualTo(5.0);

        browser.js("document.querySelector('[data-legend-run]').click();");
        assertThat(browser.<Long>js("return " + loss + ".data.datasets.filter(d => d.hidden).length"))
                .as("the first run, raw and smoothed, hidden by the shared legend").isEqualTo(2L);

        String png = browser.js("return " + loss + ".toBase64Image()");
        assertThat(png).startsWith("data:image/png;base64,").hasSizeGreaterThan(2_000);
        assertThat(browser.driver().findElements(By.cssSelector("tr.differs"))).isNotEmpty();
    }

    @Test
    void theDetailPageReplaysTheRunsChartsAndDeletesAfterConfirmation() {
        String id = written.ids().get(1);
        WebDriver driver = open("/runs/" + id);
        browser.await(d -> "4".equals(d.findElement(By.cssSelector(".run-panel")).getAttribute("data-epochs")));
        String metric = "Chart.getChart(document.querySelector('[data-role=metric-chart]'))";
        assertThat(browser.<Long>js("return " + metric + ".data.datasets[0].data.length")).isEqualTo(4L);
        assertThat(browser.<String>js("return " + metric + ".toBase64Image()")).startsWith("data:image/png");

        driver.findElement(By.cssSelector("[data-role=delete-run]")).click();
        browser.await(d -> {
            try {
                d.switchTo().alert().accept();
                return true;
            } catch (NoAlertPresentException notYet) {
                return false;
            }
        });
        browser.await(d -> d.getCurrentUrl().endsWith("/runs?deleted=" + id));
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains(id);
        assertThat(server.dataDir().resolve("runs").resolve(id)).doesNotExist();
    }
}
