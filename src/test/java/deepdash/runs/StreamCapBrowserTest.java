package deepdash.runs;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.AppConfig;
import deepdash.support.HeadlessChromium;
import deepdash.support.SseStream;
import deepdash.support.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A page opened while the server is at its stream cap gets 503, and EventSource never retries a
 * refused stream by itself: the run panel must come back on its own once a slot is free.
 */
@Tag("slow")
@Timeout(120)
class StreamCapBrowserTest {

    @TempDir
    Path dataDir;
    TestServer server;
    ChromeDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPanelRefusedAtTheCapReconnectsWhenASlotFrees() throws Exception {
        HeadlessChromium.assumeInstalled();
        server = TestServer.start(AppConfig.forTests(dataDir).withMaxStreams(1),
                runDir -> new ProcessBuilder("cat").start());
        String id = TestServer.json(server.postJson("/api/runs",
                "{\"model\":\"cnn\",\"epochs\":1,\"trainLimit\":100}")).path("id").asText();
        try (SseStream holder = server.events(id, null)) {
            holder.next();
            browser = HeadlessChromium.start();
            browser.get(server.baseUrl() + "/cnn");
            assertThat(browser.findElement(By.cssSelector(".run-panel")).getAttribute("data-run-id")).isEqualTo(id);
            // The panel's stream was refused; the run ends while the page is not listening.
            Thread.sleep(1_000);
            assertThat(server.postJson("/api/runs/" + id + "/cancel", "").statusCode()).isEqualTo(200);
        }
        new WebDriverWait(browser, Duration.ofSeconds(45)).until(page ->
                "cancelled".equals(page.findElement(By.cssSelector(".run-panel")).getAttribute("data-status")));
        assertThat(browser.findElement(By.cssSelector(".run-panel [data-role=status]")).getText())
                .startsWith("cancelled");
    }
}
