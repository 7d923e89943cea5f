package deepdash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import deepdash.support.TestServer;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up reads the data directory beside Jetty's start, and answers only once it has. */
class AppStartTest {

    @TempDir
    Path dataDir;

    @Test
    void whenTheDataDirectoryCannotBeReadStartFailsWithTheReasonNotAWrapper() throws Exception {
        // A file where the datasets folder should be: the sample cannot be registered.
        Files.writeString(dataDir.resolve("datasets"), "not a folder");
        assertThatThrownBy(() -> App.start(AppConfig.forTests(dataDir)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("sample-synthetic");
    }

    @Test
    void theFirstAnswerAlreadySeesTheSampleAndTheRunsOnDisk() {
        try (TestServer server = TestServer.start(dataDir)) {
            assertThat(server.get("/api/datasets").body()).contains("sample-synthetic");
            assertThat(Files.isDirectory(dataDir.resolve("datasets").resolve("sample-synthetic"))).isTrue();
        }
    }
}
