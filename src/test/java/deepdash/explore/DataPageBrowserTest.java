package deepdash.explore;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.support.Browser;
import deepdash.support.HeadlessChromium;
import deepdash.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The data page in headless Chromium: filter the grid to one label, open a digit as its matrix
 * and heat map, turn a page; drop an image into the inspector through its file input and see its
 * shape and one grey image per channel. Skipped where Debian's chromium is missing.
 */
@Timeout(120)
class DataPageBrowserTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private Browser browser;

    @BeforeAll
    static void needsChromium() {
        HeadlessChromium.assumeInstalled();
    }

    @BeforeEach
    void open() {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void filterToThreesOpenADigitAndSeeItsMatrix() {
        browser.driver().get(server.baseUrl() + "/data");
        assertThat(browser.driver().findElement(By.cssSelector(".topbar a.active")).getText()).isEqualTo("Data");
        assertThat(thumbs()).hasSize(ExploreController.PAGE_SIZE);
        assertThat(litPixels(thumbs().get(0).findElement(By.tagName("canvas")))).isGreaterThan(20L);

        new Select(browser.driver().findElement(By.id("digit-label"))).selectByValue("3");
        browser.await(d -> text("digit-summary").contains("labelled 3"));
        assertThat(browser.driver().findElement(By.id("digit-summary")).getText())
                .isEqualTo("1,010 test digits labelled 3");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/data?split=test&label=3");
        List<WebElement> threes = thumbs();
        assertThat(threes).hasSize(ExploreController.PAGE_SIZE)
                .allSatisfy(thumb -> assertThat(thumb.getAttribute("aria-label")).endsWith(", label 3"));
        // htmx swapped the grid in; explore.js drew the new thumbnails.
        assertThat(litPixels(threes.get(0).findElement(By.tagName("canvas")))).isGreaterThan(20L);

        WebElement second = threes.get(1);
        String index = second.getAttribute("data-index");
        // Keyboard: focus the thumbnail link and press Enter.
        second.sendKeys(Keys.ENTER);
        browser.await(d -> !d.findElements(By.id("digit-shape")).isEmpty());
        assertThat(browser.driver().findElement(By.cssSelector("#digit-view h3")).getText())
                .isEqualTo("test digit " + index + ", label 3");
        assertThat(browser.driver().findElement(By.id("digit-shape")).getText())
                .matches("shape \\(28, 28\\), max \\d+, min \\d+");
        assertThat(browser.driver().findElements(By.cssSelector("#pixel-matrix tr"))).hasSize(28);
        assertThat(browser.driver().findElements(By.cssSelector("#pixel-matrix td"))).hasSize(784);
        assertThat(litPixels(browser.driver().findElement(By.id("digit-heat")))).isGreaterThan(20L);
        assertThat(browser.driver().getCurrentUrl()).endsWith("digit=" + index);
        // The line matches the table's own numbers.
        String max = browser.js("return String(Math.max(...Array.from(document.querySelectorAll('#pixel-matrix td'),"
                + " td => Number(td.textContent))))");
        assertThat(browser.driver().findElement(By.id("digit-shape")).getText()).contains("max " + max + ",");

        browser.driver().findElement(By.cssSelector("#digit-grid a[rel=next]")).click();
        browser.await(d -> text("digit-range").startsWith("51–100"));
        assertThat(thumbs()).allSatisfy(thumb -> assertThat(thumb.getAttribute("aria-label")).endsWith(", label 3"));
        assertThat(HeadlessChromium.severeConsoleErrors(browser.driver())).isEmpty();
    }

    @Test
    void uploadAPngAndSeeItsShapeAndThreeChannels(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("gradient.png");
        Files.write(png, TestImages.png(TestImages.rgb32()));
        browser.driver().get(server.baseUrl() + "/data");
        browser.driver().findElement(By.id("inspect-file")).sendKeys(png.toString());
        browser.await(d -> d.findElement(By.id("inspect-result")).isDisplayed());
        assertThat(browser.driver().findElement(By.id("inspect-shape")).getText())
                .contains("32 x 32 x 3", "shape (32, 32, 3), max 255, min 0");
        List<WebElement> channels = browser.driver().findElements(By.cssSelector("#inspect-channels figure"));
        assertThat(channels).extracting(figure -> figure.getAttribute("data-channel")).containsExactly("R", "G", "B");
        assertThat(channels.get(1).getText()).isEqualTo("G: min 7, max 255");
        // Each channel is drawn as a grey image: red is 8x along a row, blue 100 everywhere.
        assertThat((Long) browser.js("const c = document.querySelector('#inspect-channels figure canvas');"
                + "const d = c.getContext('2d').getImageData(5, 2, 1, 1).data; return d[0] === d[1] && d[1] === d[2]"
                + " ? d[0] : -1")).isEqualTo(40L);
        assertThat((Long) browser.js("const c = document.querySelectorAll('#inspect-channels figure canvas')[2];"
                + "return c.getContext('2d').getImageData(20, 20, 1, 1).data[0]")).isEqualTo(100L);
        // The strip: the first rows end to end.
        assertThat((Long) browser.js("return document.getElementById('inspect-strip').width")).isEqualTo(128L);

        Path grey = dir.resolve("grey.png");
        Files.write(grey, TestImages.png(TestImages.grey32()));
        browser.driver().findElement(By.id("inspect-file")).sendKeys(grey.toString());
        browser.await(d -> text("inspect-shape").contains("32 x 32 x 1"));
        assertThat(browser.driver().findElements(By.cssSelector("#inspect-channels figure"))).hasSize(1);

        // Dropped rather than chosen: an RGBA PNG says it has alpha and shows four channels.
        String rgba = Base64.getEncoder().encodeToString(TestImages.png(TestImages.rgba()));
        browser.js("const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));"
                + "const files = new DataTransfer(); files.items.add(new File([bytes], 'dropped.png', {type: 'image/png'}));"
                + "const zone = document.getElementById('inspect-drop');"
                + "zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: files, bubbles: true, cancelable: true}));"
                + "zone.dispatchEvent(new DragEvent('drop', {dataTransfer: files, bubbles: true, cancelable: true}));",
                rgba);
        browser.await(d -> text("inspect-shape").startsWith("dropped.png: 16 x 24 x 4"));
        assertThat(browser.driver().findElements(By.cssSelector("#inspect-channels figure")))
                .extracting(figure -> figure.getAttribute("data-channel")).containsExactly("R", "G", "B", "A");
        assertThat(text("inspect-notes")).contains("alpha");

        Path junk = dir.resolve("junk.png");
        Files.writeString(junk, "not an image");
        browser.driver().findElement(By.id("inspect-file")).sendKeys(junk.toString());
        browser.await(d -> d.findElement(By.id("inspect-error")).isDisplayed());
        assertThat(browser.driver().findElement(By.id("inspect-error")).getText()).contains("not a PNG or JPEG");
    }

    /** An element's text read in one script call, so a swap in between cannot leave a stale reference. */
    private String text(String id) {
        String text = browser.js("const e = document.getElementById(arguments[0]); return e ? e.textContent : ''", id);
        return text.strip();
    }

    private List<WebElement> thumbs() {
        return browser.driver().findElements(By.cssSelector("#digit-grid a.digit-thumb"));
    }

    private long litPixels(WebElement canvas) {
        return browser.js("const c = arguments[0]; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height)"
                + ".data; let lit = 0; for (let i = 0; i < d.length; i += 4) { if (d[i] > 100) lit++; } return lit",
                canvas);
    }
}
