package deepdash.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.json.Json;
import deepdash.protocol.EpochMetrics;
import org.junit.jupiter.api.Test;

class EpochMetricsJsonTest {

    @Test
    void usesKerasHistoryNamesAndOmitsTheOtherTasksMetrics() throws Exception {
        EpochMetrics metrics = EpochMetrics.classifier(3, 0.05, 0.98, 0.04, 0.985, 12.5, 3840, 40.1);
        JsonNode json = Json.mapper().readTree(Json.write(metrics));
        assertThat(json.get("epoch").asInt()).isEqualTo(3);
        assertThat(json.get("val_loss").asDouble()).isEqualTo(0.04);
        assertThat(json.get("val_accuracy").asDouble()).isEqualTo(0.985);
        assertThat(json.get("epochSeconds").asDouble()).isEqualTo(12.5);
        assertThat(json.get("samplesPerSecond").asDouble()).isEqualTo(3840);
        assertThat(json.has("mae")).isFalse();
        assertThat(json.has("val_mae")).isFalse();
    }

    @Test
    void roundTripsThroughTheMetricsFileFormat() throws Exception {
        EpochMetrics metrics = EpochMetrics.regressor(1, 0.01, 0.08, 0.02, 0.09, 1.5, 1000, 1.6);
        EpochMetrics back = Json.mapper().readValue(Json.write(metrics), EpochMetrics.class);
        assertThat(back).isEqualTo(metrics);
    }
}
