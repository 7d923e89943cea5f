package deepdash;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.support.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up reads the runs beside Jetty's start and answers only once it has; the datasets folder
 * (the bundled sample) is prepared by the first request that needs it.
 */
class AppStartTest {

    @TempDir
    Path dataDir;

    @Test
    void whenTheDatasetsFolderCannotBeUsedItsRoutesSayWhyAndTheRestWorks() throws Exception {
        // A file where the datasets folder should be: the sample cannot be registered.
        Files.writeString(dataDir.resolve("datasets"), "not a folder");
        try (TestServer server = TestServer.start(dataDir)) {
            HttpResponse<String> datasets = server.get("/api/datasets");
            assertThat(datasets.statusCode()).as(datasets.body()).isEqualTo(503);
            JsonNode error = json(datasets);
            assertThat(error.get("code").asText()).isEqualTo("dataset.unavailable");
            assertThat(error.get("error").asText()).contains("the datasets folder cannot be used")
                    .contains("sample-synthetic");
            // Asked again, it says the same (the reason is kept, not retried into a different error).
            assertThat(server.get("/api/datasets").statusCode()).isEqualTo(503);

            assertThat(server.get("/api/runs").statusCode()).isEqualTo(200);
            assertThat(server.get("/cnn").statusCode()).isEqualTo(200);
            assertThat(Files.readString(dataDir.resolve("datasets"))).as("nothing stored is touched")
                    .isEqualTo("not a folder");
        }
    }

    @Test
    void theSampleIsRegisteredByTheFirstDatasetRequestNotByTheStart() {
        try (TestServer server = TestServer.start(dataDir)) {
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
            assertThat(dataDir.resolve("datasets").resolve("sample-synthetic")).doesNotExist();

            assertThat(server.get("/api/datasets").body()).contains("sample-synthetic");
            assertThat(Files.isDirectory(dataDir.resolve("datasets").resolve("sample-synthetic"))).isTrue();
        }
    }
}
