package deepdash.forecast;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.json.Json;
import deepdash.model.ModelRegistry;
import deepdash.model.ModelSpec;
import deepdash.model.Task;
import deepdash.support.SseStream;
import deepdash.support.SseStream.Event;
import deepdash.support.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every forecasting model of the registry, end to end with real workers: the same small run on the
 * bundled sample for each (the LSTM's fields, two epochs), then its forecast, its files, its row,
 * its export and the compare page of all of them. Nothing here names a model but the registry.
 */
@Timeout(600)
class ForecastingModelsTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    static final List<ModelSpec> FORECASTERS = ModelRegistry.standard().byTask(Task.SERIES_FORECAST);
    /** Model name to its run's id. */
    static final Map<String, String> RUNS = new LinkedHashMap<>();
    /** Model name to the id of its run with the returns recipe. */
    static final Map<String, String> RETURNS_RUNS = new LinkedHashMap<>();

    @BeforeAll
    static void trainEachOnce() throws Exception {
        for (ModelSpec spec : FORECASTERS) {
            HttpResponse<String> created = server.postJson("/api/runs", "{\"model\":\"" + spec.name() + "\","
                    + "\"dataset\":\"sample-synthetic\",\"target\":\"Adj Close\",\"window\":5,\"from\":\"2023-01-01\","
                    + "\"splitDate\":\"2023-11-01\",\"epochs\":2,\"batchSize\":32}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
            RUNS.put(spec.name(), json(created).get("id").asText());
            HttpResponse<String> returns = server.postJson("/api/runs", "{\"model\":\"" + spec.name() + "\","
                    + "\"dataset\":\"sample-synthetic\",\"from\":\"2023-01-01\",\"splitDate\":\"2023-11-01\","
                    + "\"epochs\":2,\"recipe\":\"returns\"}");
            assertThat(returns.statusCode()).as(returns.body()).isEqualTo(202);
            RETURNS_RUNS.put(spec.name(), json(returns).get("id").asText());
        }
    }

    static List<Event> eventsToTheEnd(String id) {
        List<Event> events = new ArrayList<>();
        try (SseStream stream = server.events(id, null)) {
            events.addAll(stream.readToEnd());
        }
        return events;
    }

    @Test
    void eachTrainsInAWorkerAndForecastsTheTestDays() throws Exception {
        assertThat(FORECASTERS).extracting(ModelSpec::name).contains("lstm", "rnn", "gru");
        for (ModelSpec spec : FORECASTERS) {
            String id = RUNS.get(spec.name());
            List<Event> events = eventsToTheEnd(id);
            JsonNode last = Json.mapper().readTree(events.get(events.size() - 1).data());
            assertThat(last.get("status").asText()).as(spec.name() + ": " + last).isEqualTo("completed");
            List<JsonNode> epochs = new ArrayList<>();
            for (Event e : events) {
                if (e.name().equals("epoch")) {
                    epochs.add(Json.mapper().readTree(e.data()));
                }
            }
            assertThat(epochs).as(spec.name()).hasSize(2);
            assertThat(epochs.get(1).get("val_mae").asDouble()).isFinite().isNotNegative();

            JsonNode run = json(server.get("/api/runs/" + id));
            assertThat(run.get("model").asText()).isEqualTo(spec.name());
            assertThat(run.get("config").get("window").asInt()).isEqualTo(5);
            assertThat(run.get("test").get("mae").asDouble()).isFinite().isPositive();

            HttpResponse<String> forecast = server.get("/api/runs/" + id + "/forecast");
            assertThat(forecast.statusCode()).as(spec.name()).isEqualTo(200);
            JsonNode body = json(forecast);
            assertThat(body.get("predicted").size()).isEqualTo(body.get("dates").size()).isPositive();
            assertThat(body.get("baseline").get("mae").asDouble()).isPositive();
            Path runDir = server.dataDir().resolve("runs").resolve(id);
            assertThat(runDir.resolve("model").resolve(spec.name() + "-0000.params")).isRegularFile();
            assertThat(runDir.resolve("prices.csv")).isRegularFile();

            String result = server.get("/ui/forecast/runs/" + id + "/result").body();
            assertThat(result).containsAnyOf("The " + spec.title() + " beats the naive forecast",
                    "The " + spec.title() + " loses to the naive forecast",
                    "The " + spec.title() + " is no better than \"tomorrow = today\"");
            assertThat(body.get("recipe").asText()).isEqualTo("seed");
            assertThat(body.get("dieboldMariano").get("pValue").asDouble()).isBetween(0.0, 1.0);
            assertThat(server.get("/runs/" + id).body()).contains("id=\"forecast-result\"", "data-forecast=\"true\"",
                    "data-metric=\"mae\"");
        }
    }

    @Test
    void eachTakesTheReturnsRecipeWithItsLinearHead() throws Exception {
        for (ModelSpec spec : FORECASTERS) {
            String id = RETURNS_RUNS.get(spec.name());
            List<Event> events = eventsToTheEnd(id);
            JsonNode last = Json.mapper().readTree(events.get(events.size() - 1).data());
            assertThat(last.get("status").asText()).as(spec.name() + ": " + last).isEqualTo("completed");
            JsonNode run = json(server.get("/api/runs/" + id));
            assertThat(run.get("config").get("recipe").asText()).isEqualTo("returns");
            JsonNode body = json(server.get("/api/runs/" + id + "/forecast"));
            assertThat(body.get("recipe").asText()).isEqualTo("returns");
            assertThat(body.get("standardization").get("deviation").asDouble()).isPositive();
            // Prices, not standardised returns: each forecast is near the price it starts from.
            for (int i = 0; i < body.get("predicted").size(); i++) {
                double predicted = body.get("predicted").get(i).asDouble();
                double naive = body.get("naive").get(i).asDouble();
                assertThat(predicted / naive).as(spec.name() + " day " + i).isBetween(0.5, 2.0);
            }
            assertThat(server.get("/ui/forecast/runs/" + id + "/result").body()).contains("recipe returns");
        }
    }

    @Test
    void historyExportAndCompareTreatThemAlike() throws Exception {
        for (String id : RUNS.values()) {
            eventsToTheEnd(id);
        }
        for (ModelSpec spec : FORECASTERS) {
            String id = RUNS.get(spec.name());
            HttpResponse<String> listed = server.get("/api/runs?model=" + spec.name());
            // Its seed run and its returns run (started within the same second: their order is not fixed).
            assertThat(listed.headers().firstValue("X-Total-Count")).contains("2");
            assertThat(List.of(json(listed).get(0).get("id").asText(), json(listed).get(1).get("id").asText()))
                    .containsExactlyInAnyOrder(id, RETURNS_RUNS.get(spec.name()));

            String csv = server.get("/api/runs/" + id + "/metrics.csv").body();
            assertThat(csv).startsWith("epoch,elapsedSeconds,epochSeconds,samplesPerSecond,loss,mae,val_loss,val_mae,"
                    + "run,model,dataset\r\n").contains("," + id + "," + spec.name() + ",sample-synthetic\r\n");

            // Runs name their dataset by its name (the sample's file), not its id.
            assertThat(server.get("/runs?model=" + spec.name()).body())
                    .contains("sample-synthetic-prices.csv · Adj Close", "window 5", "val_mae");
        }
        HttpResponse<String> compare = server.get("/runs/compare?ids=" + String.join(",", RUNS.values()));
        assertThat(compare.statusCode()).isEqualTo(200);
        assertThat(compare.body()).contains("data-compare-metric=\"val_mae\"")
                .doesNotContain("data-compare-metric=\"val_accuracy\"")
                .containsPattern("<tr class=\"differs\">\\s*<th>model</th>")
                .containsPattern("<tr>\\s*<th>dataset</th>");
        for (String id : RUNS.values()) {
            assertThat(compare.body()).contains("data-legend-run=\"" + id + "\"");
        }
    }

    @Test
    void theForecastPageOffersEveryForecastingModel() {
        String page = server.get("/forecast").body();
        for (ModelSpec spec : FORECASTERS) {
            assertThat(page).contains("<option value=\"" + spec.name() + "\"");
            String summary = server.get("/ui/forecast/summary?model=" + spec.name() + "&window=5").body();
            assertThat(summary).contains("data-total-params");
        }
        assertThat(server.get("/ui/forecast/summary?model=rnn&window=5").body()).contains("1,937", "1,889");
        assertThat(server.get("/ui/forecast/summary?model=gru&window=5").body()).contains("5,777", "reset_after");
        assertThat(server.get("/ui/forecast/summary?model=cnn").statusCode()).isEqualTo(400);
    }
}
