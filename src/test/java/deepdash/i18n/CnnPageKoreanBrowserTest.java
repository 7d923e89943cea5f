package deepdash.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.runs.RunStore;
import deepdash.support.Browser;
import deepdash.support.SyntheticRuns;
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

/**
 * A Korean reader switches the language from the nav, without typing a URL, and the CNN page
 * speaks Korean: its title, the Train button, a refused form value and the charts' titles.
 */
@Tag("slow")
@Timeout(180)
class CnnPageKoreanBrowserTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass()
            .withData(dir -> SyntheticRuns.write(new RunStore(dir.resolve("runs")), 1, 3));
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
    void switchingToKoreanFromTheNavTranslatesTheCnnPage() {
        WebDriver driver = browser.driver();
        driver.get(server.baseUrl() + "/cnn?lang=en");
        browser.await(d -> "en".equals(browser.js("return document.documentElement.lang")));
        assertThat(driver.getTitle()).isEqualTo("CNN on MNIST · DeepDash");

        driver.findElement(By.cssSelector(".lang-switch a[data-lang=ko]")).click();
        browser.await(d -> "ko".equals(browser.js("return document.documentElement.lang")));

        assertThat(driver.getTitle()).isEqualTo("MNIST로 배우는 CNN · DeepDash");
        browser.await(d -> "학습".equals(d.findElement(By.id("train-button")).getText().strip()));
        // The page's own language stays after a reload: the cookie remembers it.
        driver.get(server.baseUrl() + "/cnn");
        browser.await(d -> "ko".equals(browser.js("return document.documentElement.lang")));

        // A chart's title and its axis, drawn by the scripts from the texts the page hands them.
        WebElement lossCaption = browser.await(d -> d.findElement(
                By.cssSelector(".run-panel [data-role=loss-chart]")).findElement(By.xpath("./ancestor::figure/figcaption")));
        assertThat(lossCaption.getText()).startsWith("손실과 검증 손실");
        browser.await(d -> "에포크".equals(browser.js("const c = Chart.getChart(document.querySelector("
                + "'.run-panel [data-role=\"loss-chart\"]')); return c && c.options.scales.x.title.text;")));

        // A value the server refuses comes back as a Korean message naming the field.
        browser.js("const f = document.getElementById('train-form'); f.noValidate = true;"
                + "f.querySelector('[name=epochs]').value = '0';");
        driver.findElement(By.id("train-button")).click();
        WebElement error = browser.await(d -> d.findElement(By.cssSelector("#train-errors .error")));
        assertThat(error.getText()).isEqualTo("에포크: 1에서 1000 사이여야 합니다. 입력한 값: 0");

        // Switching back keeps the page's other parameters (the Runs page's filter here).
        driver.get(server.baseUrl() + "/runs?model=cnn");
        browser.await(d -> String.valueOf(d.findElement(By.cssSelector(".lang-switch a[data-lang=en]"))
                .getAttribute("href")).endsWith("/runs?model=cnn&lang=en"));
    }
}
