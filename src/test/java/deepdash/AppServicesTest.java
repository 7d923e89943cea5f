package deepdash;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import deepdash.model.CnnSpec;
import deepdash.model.ModelRegistry;
import deepdash.support.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The app built from services a test chose: here a registry with the CNN alone. */
@Timeout(60)
class AppServicesTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass((config, services) -> services
            .models(new ModelRegistry(List.of(new CnnSpec())))
            .build());

    @Test
    void everyRouteAsksTheRegistryItWasGiven() {
        assertThat(json(server.get("/api/models"))).hasSize(1);
        assertThat(server.get("/api/models/lstm/summary").statusCode()).isEqualTo(404);
        HttpResponse<String> refused = server.postJson("/api/runs",
                "{\"model\":\"lstm\",\"dataset\":\"sample-synthetic\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("error").asText()).isEqualTo("model: unknown model \"lstm\"; expected one of cnn");
        assertThat(server.get("/runs").body()).contains("<option value=\"cnn\"").doesNotContain("value=\"lstm\"");
    }
}
