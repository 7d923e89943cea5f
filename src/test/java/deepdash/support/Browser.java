package deepdash.support;

import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for tests of what only a browser shows: canvases, htmx swaps, live charts.
 * Uses the system's chromium and chromedriver (nothing is downloaded); skips the test where they
 * are missing.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    public static Browser start() {
        return new Browser(HeadlessChromium.start("--window-size=1300,1000"));
    }

    public WebDriver driver() {
        return driver;
    }

    @SuppressWarnings("unchecked")
    public <T> T js(String script, Object... args) {
        return (T) ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public <T> T await(Function<WebDriver, T> condition) {
        // htmx replaces elements while a condition reads them: a stale element means "look again".
        return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
