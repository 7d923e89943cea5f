package deepdash.web;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import deepdash.protocol.RunFolder;
import deepdash.runs.RunStore;
import deepdash.support.Axe;
import deepdash.support.Browser;
import deepdash.support.HeadlessChromium;
import deepdash.support.SseStream;
import deepdash.support.SyntheticRuns;
import deepdash.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page of the dashboard in headless Chromium: axe-core finds no serious or critical accessibility
 * violation in either theme, nothing scrolls sideways on a 360 px phone, the theme toggle is remembered
 * and follows the system's preference until used, and the Draw page works from the keyboard.
 */
@Tag("slow")
@Timeout(900)
class EveryPageBrowserTest {

    /** A synthetic CNN run given the shipped model's parameters, so its evaluation and Draw entry work. */
    static final int CNN = 4;
    static final int LSTM_SYNTHETIC = 3;
    static final String ALL_PAGES = "document.readyState === 'complete' && !document.querySelector('.htmx-request')";

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withData(dir -> {
        RunStore store = new RunStore(dir.resolve("runs"));
        SyntheticRuns.write(store, 8, 4);
        Path target = new RunFolder(dir.resolve("runs").resolve(SyntheticRuns.id(CNN))).parametersFile("cnn");
        try (InputStream in = EveryPageBrowserTest.class.getResourceAsStream(
                "/data/models/cnn-mnist/model/cnn-0000.params")) {
            Files.createDirectories(target.getParent());
            Files.copy(in, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });
    static final String NOT_FOUND = "20990101-000000-000000";
    static String lstmRun;
    static Browser browser;

    /** A page, and what says it has finished loading what it loads after the first paint. */
    record Page(String name, String path, String ready) {
    }

    static List<Page> pages() {
        String cnn = SyntheticRuns.id(CNN);
        return List.of(
                new Page("cnn", "/cnn", "document.querySelector('#train-button')"),
                new Page("forecast", "/forecast", "document.querySelector('main form')"),
                new Page("draw", "/draw", "document.getElementById('draw-app').dataset.state === 'empty'"),
                new Page("draw-digit", "/draw?mnist=test:3",
                        "document.getElementById('draw-app').dataset.state === 'predicted'"),
                new Page("my-digits", "/draw/mine", "document.querySelector('main h1')"),
                new Page("data", "/data", "document.querySelector('.digit-grid canvas')"),
                new Page("runs", "/runs", "document.querySelectorAll('#run-table tbody tr').length > 0"),
                new Page("run-cnn", "/runs/" + cnn, "document.querySelector('table.confusion .cm-button')"),
                new Page("run-lstm", "/runs/" + lstmRun, "document.querySelector('canvas')"),
                new Page("compare", "/runs/compare?ids=" + String.join(",", SyntheticRuns.id(0), SyntheticRuns.id(1),
                        SyntheticRuns.id(LSTM_SYNTHETIC)), "document.querySelector('canvas[data-compare-metric]')"),
                new Page("evaluation", "/evaluation/" + cnn, "document.querySelector('table.confusion .cm-button')"),
                new Page("cell", "/runs/" + lstmRun + "/cell",
                        "document.querySelector('#cell-trace canvas[data-role=heat-map][data-drawn]')"),
                new Page("cures", "/runs/" + cnn + "/cures?runs=" + SyntheticRuns.id(0) + "," + SyntheticRuns.id(1),
                        "document.querySelectorAll('main canvas').length > 0"),
                new Page("not-found", "/runs/" + NOT_FOUND, "document.querySelector('main h1')"));
    }

    @BeforeAll
    static void trainAndStart() {
        // One real LSTM run (a few seconds): the cell view needs trained parameters.
        HttpResponse<String> created = server.postJson("/api/runs", "{\"model\":\"lstm\","
                + "\"dataset\":\"sample-synthetic\",\"window\":5,\"from\":\"2023-01-01\",\"splitDate\":\"2023-11-01\","
                + "\"epochs\":1,\"batchSize\":32}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        lstmRun = json(created).get("id").asText();
        try (SseStream stream = server.events(lstmRun, null)) {
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

    static void open(WebDriver driver, Page page) {
        driver.get(server.baseUrl() + page.path());
        // The first evaluation of a run reads 10,000 test images: seconds, not milliseconds.
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> Boolean.TRUE.equals(
                ((ChromeDriver) d).executeScript("return Boolean(" + ALL_PAGES + " && (" + page.ready() + "))")));
    }

    static void theme(WebDriver driver, String theme) {
        ((ChromeDriver) driver).executeScript(theme == null ? "localStorage.removeItem('deepdash-theme')"
                : "localStorage.setItem('deepdash-theme', arguments[0])", theme);
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationOnAnyPageInEitherTheme() {
        WebDriver driver = browser.driver();
        Map<String, List<Axe.Violation>> found = new LinkedHashMap<>();
        for (String theme : List.of("light", "dark")) {
            // localStorage belongs to the origin: set once, read by every page after.
            driver.get(server.baseUrl() + "/health");
            theme(driver, theme);
            for (Page page : pages()) {
                open(driver, page);
                assertThat(browser.<String>js("return document.documentElement.dataset.theme")).isEqualTo(theme);
                List<Axe.Violation> violations = Axe.seriousViolations(driver);
                System.out.println("axe-core " + Axe.version() + " " + page.name() + " (" + theme + "): "
                        + violations.size() + " serious or critical");
                if (!violations.isEmpty()) {
                    found.put(page.name() + " (" + theme + ")", violations);
                }
            }
        }
        theme(driver, null);
        assertThat(found).as("axe-core violations by page").isEmpty();
        // The not-found page answers 404 on purpose.
        assertThat(HeadlessChromium.severeConsoleErrors(driver)).filteredOn(e -> !e.contains(NOT_FOUND)).isEmpty();
    }

    @Test
    void noPageScrollsSidewaysOnA360PixelPhone() {
        ChromeDriver phone = HeadlessChromium.start("--window-size=360,800");
        try {
            // Not "mobile": a mobile viewport widens itself to fit what overflows, which would hide the overflow.
            phone.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 360, "height", 800, "deviceScaleFactor", 2, "mobile", false));
            Map<String, String> wide = new LinkedHashMap<>();
            for (Page page : pages()) {
                open(phone, page);
                assertThat(phone.executeScript("return window.innerWidth")).isEqualTo(360L);
                Object overflow = phone.executeScript("""
                        if (document.documentElement.scrollWidth <= window.innerWidth) { return null; }
                        // What sticks out: the outermost elements whose right edge passes the viewport.
                        const out = Array.from(document.querySelectorAll('body *')).filter((e) =>
                            e.getBoundingClientRect().right > window.innerWidth + 1
                            && !(e.parentElement && e.parentElement.getBoundingClientRect().right > window.innerWidth + 1));
                        return document.documentElement.scrollWidth + ' px: ' + out.slice(0, 6).map((e) =>
                            e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined
                            ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '')
                            + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ');
                        """);
                if (overflow != null) {
                    wide.put(page.name(), String.valueOf(overflow));
                }
            }
            assertThat(wide).as("pages wider than a 360 px screen").isEmpty();

            // The draw pad fits the screen and stays square; every nav link is on the screen.
            open(phone, pages().get(2));
            WebElement canvas = phone.findElement(By.id("draw-canvas"));
            assertThat(canvas.getRect().getWidth()).isBetween(200, 330);
            assertThat(canvas.getRect().getHeight()).isEqualTo(canvas.getRect().getWidth());
            assertThat(phone.findElements(By.cssSelector(".topbar nav a"))).allSatisfy(link -> {
                assertThat(link.isDisplayed()).isTrue();
                assertThat(link.getRect().getX() + link.getRect().getWidth()).isLessThanOrEqualTo(360);
            });
        } finally {
            phone.quit();
        }
    }

    @Test
    void theThemeFollowsTheSystemUntilToggledAndTheToggleIsRemembered() {
        ChromeDriver driver = HeadlessChromium.start();
        try {
            driver.executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            Page runs = new Page("compare", "/runs/compare?ids=" + SyntheticRuns.id(0) + "," + SyntheticRuns.id(1),
                    "document.querySelector('canvas[data-compare-metric]')");
            open(driver, runs);
            String background = "return getComputedStyle(document.documentElement).backgroundColor";
            String chartText = "return Chart.defaults.color";
            assertThat(driver.executeScript("return document.documentElement.dataset.theme")).isEqualTo("dark");
            Object darkBackground = driver.executeScript(background);
            // Each chart has a text summary for screen readers: the last epoch's numbers.
            assertThat(driver.executeScript("const c = document.querySelector('canvas[data-compare-metric]');"
                    + "return document.getElementById(c.getAttribute('aria-describedby')).textContent"))
                    .asString().startsWith("Latest values: ").contains("at epoch 4");
            Object darkChartText = driver.executeScript(chartText);

            WebElement toggle = driver.findElement(By.id("theme-toggle"));
            assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("true");
            toggle.click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "light".equals(
                    driver.executeScript("return document.documentElement.dataset.theme")));
            assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("false");
            assertThat(driver.executeScript(background)).isNotEqualTo(darkBackground);
            // The charts already drawn take the new colours too.
            assertThat(driver.executeScript(chartText)).isNotEqualTo(darkChartText);
            assertThat(driver.executeScript("return Object.values(Chart.instances).every((c) =>"
                    + " c.scales.x.options.ticks.color === Chart.defaults.color"
                    + " && c.scales.y.options.grid.color === Chart.defaults.borderColor)")).isEqualTo(true);

            open(driver, runs);
            assertThat(driver.executeScript("return document.documentElement.dataset.theme")).as("remembered")
                    .isEqualTo("light");
            assertThat(driver.executeScript(background)).isNotEqualTo(darkBackground);
        } finally {
            driver.quit();
        }
    }

    @Test
    void theDrawPageReadsAnMnistDigitPickedWithTheKeyboard() {
        WebDriver driver = browser.driver();
        open(driver, pages().get(2));
        WebElement index = driver.findElement(By.id("draw-mnist-index"));
        index.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0", Keys.ENTER);
        browser.await(d -> d.getCurrentUrl().contains("mnist=0"));
        browser.await(d -> "predicted".equals(browser.js("return document.getElementById('draw-app').dataset.state")));
        // MNIST test image 0 is a 7, and the shipped model reads it.
        assertThat(browser.<String>js("return document.getElementById('draw-app').dataset.mnistLabel")).isEqualTo("7");
        assertThat(driver.findElement(By.id("prediction-digit")).getText()).isEqualTo("7");
        assertThat(driver.findElement(By.id("probability-chart-summary")).getAttribute("textContent"))
                .contains("7", "%");
    }

    /**
     * The README's screenshots: every page at 1280 px, three on a 375 px phone, two in the dark theme. Written to
     * the folder in the system property {@code deepdash.screenshots} ({@code docs/images} refreshes the README's),
     * else to {@code target/screenshots}.
     */
    @Test
    void screenshotsOfEveryPage() throws IOException {
        Path folder = Path.of(System.getProperty("deepdash.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        Map<String, Page> byName = new LinkedHashMap<>();
        pages().forEach(page -> byName.put(page.name(), page));
        List<Path> written = new ArrayList<>();
        ChromeDriver desktop = HeadlessChromium.start("--window-size=1280,860", "--force-device-scale-factor=1",
                "--hide-scrollbars");
        try {
            for (String name : List.of("cnn", "draw-digit", "my-digits", "data", "forecast", "runs", "run-cnn",
                    "run-lstm", "compare", "evaluation", "cell", "cures")) {
                written.add(screenshot(desktop, byName.get(name), "light", folder.resolve(name + ".png")));
            }
            for (String name : List.of("compare", "draw-digit")) {
                written.add(screenshot(desktop, byName.get(name), "dark", folder.resolve(name + "-dark.png")));
            }
            desktop.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 375, "height", 740, "deviceScaleFactor", 1, "mobile", true));
            for (String name : List.of("cnn", "draw-digit", "runs")) {
                written.add(screenshot(desktop, byName.get(name), "light", folder.resolve(name + "-phone.png")));
            }
        } finally {
            desktop.quit();
        }
        assertThat(written).allSatisfy(png -> {
            assertThat(Files.size(png)).as(png + " in bytes").isLessThan(200_000);
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).as(png + " width").isIn(1280, 375);
        });
    }

    static Path screenshot(ChromeDriver driver, Page page, String theme, Path file) throws IOException {
        driver.get(server.baseUrl() + "/health");
        theme(driver, theme);
        open(driver, page);
        // Charts draw on the next frame after their data: wait for two.
        driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "requestAnimationFrame(() => requestAnimationFrame(() => done()));");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        theme(driver, null);
        return file;
    }
}
