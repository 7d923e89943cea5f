package deepdash.coach;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.support.Browser;
import deepdash.support.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
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

/** The coach's notes on a run's page in headless Chromium: listed under the charts and marked on them. */
@Tag("slow")
@Timeout(180)
class CoachBrowserTest {

    static final String FLAT = "20250101-000100-00f1a7";

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withData(dir -> {
        try {
            NotesApiTest.writeSeedLikeRun(dir);
            NotesApiTest.writeRun(dir, FLAT, new double[] {2.3026, 2.3020, 2.3015}, new double[] {2.3025, 2.3021, 2.3016},
                    0.11);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });
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
    void theRunPageListsTheNotesAndMarksTheirEpochsOnTheCharts() {
        WebDriver driver = browser.driver();
        driver.get(server.baseUrl() + "/runs/" + NotesApiTest.ID);
        browser.await(d -> d.findElements(By.cssSelector(".run-panel [data-role=notes] li")).size() == 3);
        List<WebElement> notes = driver.findElements(By.cssSelector(".run-panel [data-role=notes] li"));
        assertThat(notes).extracting(n -> n.getAttribute("data-kind"))
                .containsExactly(CurveCoach.BEST_EPOCH, CurveCoach.OVERFITTING, CurveCoach.TEST_BELOW_VALIDATION);
        assertThat(notes.get(1).getText()).contains("epoch 7", "val_loss rose for 4 epochs after epoch 6");
        assertThat(driver.findElement(By.cssSelector("[data-role=notes-box]")).isDisplayed()).isTrue();
        String loss = "Chart.getChart(document.querySelector('[data-role=loss-chart]'))";
        assertThat(browser.<List<Object>>js("return " + loss + ".$deepdash.notes.map(n => n.epoch + ':' + n.label)"))
                .containsExactly("6:best", "7:overfitting", "6:best val");
    }

    @Test
    void compareListsEachRunsNotes() {
        WebDriver driver = browser.driver();
        driver.get(server.baseUrl() + "/runs/compare?ids=" + NotesApiTest.ID + "," + FLAT);
        browser.await(d -> d.findElements(By.cssSelector("[data-notes-run] li[data-kind]")).size() >= 4);
        assertThat(driver.findElements(By.cssSelector("[data-notes-run='" + NotesApiTest.ID + "'] li")))
                .extracting(n -> n.getAttribute("data-kind")).contains(CurveCoach.OVERFITTING);
        assertThat(driver.findElements(By.cssSelector("[data-notes-run='" + FLAT + "'] li")))
                .extracting(n -> n.getAttribute("data-kind")).contains(CurveCoach.PLATEAU);
    }
}
