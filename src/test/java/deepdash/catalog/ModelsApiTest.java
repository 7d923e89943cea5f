package deepdash.catalog;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.model.ModelRegistry;
import deepdash.model.ModelSpec;
import deepdash.support.TestServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The model catalog over HTTP: every model of the registry, and each one's summary. */
@Timeout(120)
class ModelsApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void listsEveryModelWithWhatItsSpecSaysAndALinkToItsSummary() {
        HttpResponse<String> response = server.get("/api/models");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode models = json(response);
        List<String> names = new ArrayList<>();
        models.forEach(model -> names.add(model.get("name").asText()));
        assertThat(names).containsExactlyElementsOf(ModelRegistry.standard().names());
        for (JsonNode model : models) {
            ModelSpec spec = ModelRegistry.standard().find(model.get("name").asText()).orElseThrow();
            assertThat(model.get("title").asText()).isEqualTo(spec.title());
            assertThat(model.get("task").asText()).isEqualTo(spec.task().wireName());
            assertThat(model.get("keyMetric").asText()).isEqualTo(spec.keyMetric().metricName());
            assertThat(model.get("higherIsBetter").asBoolean()).isEqualTo(spec.keyMetric().higherIsBetter());
            String link = model.get("summary").asText();
            assertThat(link).isEqualTo("/api/models/" + spec.name() + "/summary");
            HttpResponse<String> summary = server.get(link);
            assertThat(summary.statusCode()).as(link).isEqualTo(200);
            assertThat(json(summary).get("model").asText()).isEqualTo(spec.name());
            assertThat(json(summary).get("totalParams").asLong()).isPositive();
        }
        JsonNode cnn = models.get(0);
        assertThat(cnn.get("task").asText()).isEqualTo("image-classification");
        assertThat(cnn.get("keyMetric").asText()).isEqualTo("accuracy");
        JsonNode lstm = models.get(1);
        assertThat(lstm.get("task").asText()).isEqualTo("series-forecast");
        assertThat(lstm.get("keyMetric").asText()).isEqualTo("mae");
        assertThat(lstm.get("higherIsBetter").asBoolean()).isFalse();
    }

    @Test
    void theSeedsSummaryRoutesKeepWorking() {
        assertThat(json(server.get("/api/models/cnn/summary")).get("totalParams").asLong()).isEqualTo(60_554);
        JsonNode lstm = json(server.get("/api/models/lstm/summary?window=5"));
        assertThat(lstm.get("totalParams").asLong()).isEqualTo(7_697);
        assertThat(lstm.get("kerasParams").asLong()).isEqualTo(7_505);
        assertThat(lstm.get("note").asText()).contains("7,697", "7,505");
    }

    @Test
    void theSimpleRnnHasItsOwnSummaryAtAnyWindow() {
        JsonNode rnn = json(server.get("/api/models/rnn/summary?window=30"));
        assertThat(rnn.get("totalParams").asLong()).isEqualTo(1_937);
        assertThat(rnn.get("kerasParams").asLong()).isEqualTo(1_889);
        assertThat(rnn.get("inputShape").asText()).isEqualTo("(N, 30, 1)");
        assertThat(rnn.get("layers").get(0).get("outputShape").asText()).isEqualTo("(N, 30, 32)");
        assertThat(rnn.get("layers").get(0).get("formula").asText()).contains("(Keras: 1x32x(1+32+1) = 1,088)");
    }

    @Test
    void theGruHasItsOwnSummaryAndKerasCountsItTheSame() {
        JsonNode gru = json(server.get("/api/models/gru/summary"));
        assertThat(gru.get("totalParams").asLong()).isEqualTo(5_777);
        assertThat(gru.get("kerasParams").asLong()).isEqualTo(5_777);
        assertThat(gru.get("layers").get(1).get("type").asText()).isEqualTo("GRU + last time step");
    }

    @Test
    void unknownModelsAre404AndBadWindows400NamingTheParameter() {
        HttpResponse<String> unknown = server.get("/api/models/transformer/summary");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").asText()).contains("no model named \"transformer\"", "cnn, lstm");
        HttpResponse<String> window = server.get("/api/models/rnn/summary?window=1");
        assertThat(window.statusCode()).isEqualTo(400);
        assertThat(json(window).get("field").asText()).isEqualTo("window");
        assertThat(server.get("/api/models/cnn/summary?window=1").statusCode()).as("the CNN has no window")
                .isEqualTo(200);
    }
}
