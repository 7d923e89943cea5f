package deepdash.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven through Debian's ChromeDriver, headless, with nothing that reaches the
 * network on its own. Selenium is given both binaries, so its manager never tries a download.
 * Tests are skipped (not failed) where the two packages are not installed; CI installs them.
 */
public final class HeadlessChromium {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
    }

    /** Starts a browser; {@code extraArguments} add Chromium flags (e.g. a device scale factor). */
    public static ChromeDriver start(String... extraArguments) {
        assumeInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("deepdash-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile);
        boolean sized = java.util.Arrays.stream(extraArguments).anyMatch(a -> a.startsWith("--window-size="));
        if (!sized) {
            options.addArguments("--window-size=1280,1000");
        }
        options.addArguments(extraArguments);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new NewDocumentDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** The page's console errors so far (failed loads, uncaught exceptions). */
    public static List<String> severeConsoleErrors(WebDriver driver) {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    /**
     * A ChromeDriver whose {@code get} returns only once the new page has loaded. On a busy machine
     * ChromeDriver's own {@code get} now and then returned while the page before was still the
     * document, so that the next {@code findElement} looked at the old page (a run page's "Train
     * again" button not found right after opening the run page; about one run in ten of a browser test
     * class with two CPU hogs). The old document is marked before the navigation, and {@code get}
     * waits until a document without the mark has finished loading.
     */
    static final class NewDocumentDriver extends ChromeDriver {

        private static final String MARK = "window.__deepdashPreviousDocument";

        NewDocumentDriver(ChromeDriverService service, ChromeOptions options) {
            super(service, options);
        }

        @Override
        public void get(String url) {
            try {
                executeScript(MARK + " = true");
            } catch (JavascriptException | org.openqa.selenium.NoSuchWindowException noPage) {
                // Nothing to mark (no page yet, or the window went): any document after get is new.
            }
            super.get(url);
            new WebDriverWait(this, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                    .until(d -> Boolean.TRUE.equals(executeScript(
                            "return " + MARK + " !== true && document.readyState === 'complete'")));
        }
    }
}
