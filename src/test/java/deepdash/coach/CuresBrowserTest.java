package deepdash.coach;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.digits.TrainedRuns;
import deepdash.model.CnnSettings;
import deepdash.model.CnnSpec;
import deepdash.protocol.RunStatus;
import deepdash.protocol.TestResult;
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

/**
 * "Try the seed's cure" in headless Chromium with real workers: from a small completed run, the
 * button starts the two cure runs, their page follows them, and compare opens with every run's notes.
 */
@Tag("slow")
@Timeout(300)
class CuresBrowserTest {

    static final String RUN = "20260101-000000-5eed00";

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withData(dir -> TrainedRuns.write(dir.resolve("runs"), RUN,
            CnnSpec.runConfig(new CnnSettings(2, 32, 0.001, 300, "cpu")), RunStatus.COMPLETED,
            new TestResult(0.5, 0.85, null, 10_000, 1.0), true));
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

    @Test
    void theButtonStartsBothCuresAndCompareOpensWithTheirNotes() {
        WebDriver driver = browser.driver();
        driver.get(server.baseUrl() + "/runs/" + RUN);
        driver.findElement(By.cssSelector("[data-role=try-cure]")).click();
        browser.await(d -> d.getCurrentUrl().contains("/runs/" + RUN + "/cures?runs="));
        assertThat(driver.findElements(By.cssSelector("#cure-runs .run-panel"))).hasSize(2);

        new WebDriverWait(driver, Duration.ofSeconds(240))
                .until(d -> d.getCurrentUrl().contains("/runs/compare?ids=" + RUN + ","));
        List<WebElement> boxes = driver.findElements(By.cssSelector("[data-notes-run]"));
        assertThat(boxes).hasSize(3);
        // The cure runs trained two epochs each: the coach has at least their best epoch to say.
        browser.await(d -> d.findElements(By.cssSelector("[data-notes-run] li[data-kind=best_epoch]")).size() >= 2);
        String table = driver.findElement(By.cssSelector(".compare-table")).getText();
        assertThat(table).contains("dense64-drop0.25", "patience 2, best epoch restored");
    }
}
