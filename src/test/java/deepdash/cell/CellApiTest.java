package deepdash.cell;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.model.ModelRegistry;
import deepdash.model.SeriesSettings;
import deepdash.prices.PriceCsvParser;
import deepdash.protocol.RunFolder;
import deepdash.runs.RunStore;
import deepdash.series.Forecast;
import deepdash.series.ForecastFiles;
import deepdash.series.MinMaxScaler;
import deepdash.support.SseStream;
import deepdash.support.SyntheticRuns;
import deepdash.support.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cell's numbers are the real thing: for every trained recurrent model (rnn, gru, lstm, each
 * trained by a real worker), the hidden state computed in Java for every test day's last step,
 * passed through the saved layers above it, gives the forecast the worker wrote for that day
 * within 1e-4 in scaled units. Then the refusals.
 */
@Timeout(600)
class CellApiTest {

    static final int WINDOW = 5;
    /** A completed CNN run with no files: a run without a recurrent cell. */
    static final String CNN_RUN = SyntheticRuns.id(0);

    @RegisterExtension
    static final TestServer server = TestServer.perClass()
            .withData(dir -> SyntheticRuns.write(new RunStore(dir.resolve("runs")), 1, 1));

    /** Model name to its run's id. */
    static final Map<String, String> RUNS = new LinkedHashMap<>();
    /** An LSTM run of the returns recipe, five days ahead. */
    static String RETURNS_RUN;

    @BeforeAll
    static void trainEach() throws Exception {
        for (String model : List.of("lstm", "gru", "rnn")) {
            HttpResponse<String> created = server.postJson("/api/runs", "{\"model\":\"" + model + "\","
                    + "\"dataset\":\"sample-synthetic\",\"target\":\"Adj Close\",\"window\":" + WINDOW
                    + ",\"from\":\"2023-01-01\",\"splitDate\":\"2023-11-01\",\"epochs\":2,\"batchSize\":32}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
            RUNS.put(model, json(created).get("id").asText());
        }
        // The returns recipe, five days ahead: standardised returns in, a linear head, a price from the window's last day.
        HttpResponse<String> returns = server.postJson("/api/runs", "{\"model\":\"lstm\","
                + "\"dataset\":\"sample-synthetic\",\"target\":\"Adj Close\",\"window\":" + WINDOW
                + ",\"from\":\"2023-01-01\",\"splitDate\":\"2023-11-01\",\"epochs\":2,\"batchSize\":32,"
                + "\"recipe\":\"returns\",\"horizon\":5}");
        assertThat(returns.statusCode()).as(returns.body()).isEqualTo(202);
        RETURNS_RUN = json(returns).get("id").asText();
        for (String id : List.of(RUNS.get("lstm"), RUNS.get("gru"), RUNS.get("rnn"), RETURNS_RUN)) {
            try (SseStream stream = server.events(id, null)) {
                stream.readToEnd();
            }
            assertThat(json(server.get("/api/runs/" + id)).get("status").asText()).isEqualTo("completed");
        }
    }

    static RunFolder folder(String id) {
        return new RunFolder(server.dataDir().resolve("runs").resolve(id));
    }

    /** The scaler the worker used, rebuilt here from the run's files without the cell package. */
    static MinMaxScaler scaler(String id) throws Exception {
        RunFolder folder = folder(id);
        SeriesSettings settings = (SeriesSettings) ModelRegistry.standard().settings(folder.readRecord().config());
        return settings.resolve(new PriceCsvParser().parse(Files.readAllBytes(folder.pricesFile()), "prices.csv"))
                .series().scaler();
    }

    @Test
    void aReturnsRunFiveDaysAheadGivesItsForecastTooAndShowsTheWindowsPrices() {
        Forecast forecast = ForecastFiles.read(folder(RETURNS_RUN)).orElseThrow();
        assertThat(forecast.dates()).hasSizeGreaterThan(10);
        for (int i = 0; i < forecast.dates().size(); i++) {
            String date = forecast.dates().get(i).toString();
            HttpResponse<String> response = server.get("/api/runs/" + RETURNS_RUN + "/cell?date=" + date);
            assertThat(response.statusCode()).as(date + ": " + response.body()).isEqualTo(200);
            JsonNode body = json(response);
            // Prices here: the returns recipe's output is a standardised return, not a scaled price.
            assertThat(body.get("forecast").asDouble()).as(date).isCloseTo(forecast.predicted()[i], within(1e-3));
            JsonNode prices = body.get("inputPrices");
            assertThat(prices).hasSize(WINDOW);
            assertThat(prices.get(WINDOW - 1).asDouble()).as("the window ends five days before: the naive price")
                    .isCloseTo(forecast.naive()[i], within(1e-9));
        }
    }

    @Test
    void theLastHiddenStateThroughTheSavedLayersAboveGivesTheRunsForecastForEveryTestDay() throws Exception {
        Map<String, List<String>> gates = Map.of("lstm", List.of("input", "forget", "output", "candidate"),
                "gru", List.of("update", "reset", "candidate"), "rnn", List.of());
        for (Map.Entry<String, String> run : RUNS.entrySet()) {
            String model = run.getKey();
            String id = run.getValue();
            Forecast forecast = ForecastFiles.read(folder(id)).orElseThrow();
            MinMaxScaler scaler = scaler(id);
            assertThat(forecast.dates()).hasSizeGreaterThan(10);
            double worst = 0;
            for (int i = 0; i < forecast.dates().size(); i++) {
                String date = forecast.dates().get(i).toString();
                HttpResponse<String> response = server.get("/api/runs/" + id + "/cell?date=" + date);
                assertThat(response.statusCode()).as(model + " " + date + ": " + response.body()).isEqualTo(200);
                JsonNode body = json(response);
                assertThat(body.get("date").asText()).isEqualTo(date);
                double expected = scaler.scale(forecast.predicted()[i]);
                double computed = body.get("scaledForecast").asDouble();
                assertThat(computed).as(model + " " + date).isCloseTo(expected, within(1e-4));
                assertThat(scaler.scale(body.get("forecast").asDouble())).isCloseTo(expected, within(1e-4));
                worst = Math.max(worst, Math.abs(computed - expected));
            }
            // The numbers are not a constant that happens to fit: the forecasts move from day to day.
            assertThat(forecast.predicted()).doesNotHaveDuplicates();

            JsonNode body = json(server.get("/api/runs/" + id + "/cell?date=" + forecast.dates().get(3)));
            assertThat(body.get("inputs").size()).isEqualTo(WINDOW);
            assertThat(body.get("inputs").get(WINDOW - 1).asDouble())
                    .as("the window ends the day before: the naive forecast's price")
                    .isCloseTo(scaler.scale(forecast.naive()[3]), within(1e-6));
            assertThat(body.get("gateNames")).extracting(JsonNode::asText).containsExactlyElementsOf(gates.get(model));
            JsonNode layers = body.get("layers");
            assertThat(layers).hasSize(2);
            assertThat(layers.get(0).get("units").asInt()).isEqualTo(32);
            assertThat(layers.get(1).get("units").asInt()).isEqualTo(16);
            for (JsonNode layer : layers) {
                assertThat(layer.get("steps")).hasSize(WINDOW);
                for (JsonNode step : layer.get("steps")) {
                    assertThat(step.get("hidden").size()).isEqualTo(layer.get("units").asInt());
                    assertThat(step.has("cell")).as(model).isEqualTo(model.equals("lstm"));
                    assertThat(step.get("gates").size()).isEqualTo(gates.get(model).size());
                    step.get("gates").fields().forEachRemaining(gate -> {
                        assertThat(gate.getValue().size()).isEqualTo(layer.get("units").asInt());
                        double low = gate.getKey().equals("candidate") ? -1 : 0;
                        gate.getValue().forEach(v -> assertThat(v.asDouble()).isBetween(low, 1.0));
                    });
                }
            }
            System.out.printf("%s: worst scaled difference %.2e over %d test days%n", model, worst,
                    forecast.dates().size());
        }
    }

    @Test
    void withoutADateTheLastTestDayIsShown() {
        String id = RUNS.get("lstm");
        Forecast forecast = ForecastFiles.read(folder(id)).orElseThrow();
        JsonNode body = json(server.get("/api/runs/" + id + "/cell"));
        assertThat(body.get("date").asText()).isEqualTo(forecast.dates().get(forecast.dates().size() - 1).toString());
    }

    @Test
    void aBadDateAWeekendATrainingDayAnUnknownRunAndANonSeriesRunAreRefused() {
        String id = RUNS.get("gru");
        HttpResponse<String> malformed = server.get("/api/runs/" + id + "/cell?date=2023-13-01");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("field").asText()).isEqualTo("date");
        assertThat(malformed.body()).contains("YYYY-MM-DD");

        // 2023-11-04 is a Saturday; 2023-06-01 a training day; 2030-01-02 after the data.
        for (String date : List.of("2023-11-04", "2023-06-01", "2030-01-02")) {
            HttpResponse<String> outside = server.get("/api/runs/" + id + "/cell?date=" + date);
            assertThat(outside.statusCode()).as(date).isEqualTo(400);
            assertThat(json(outside).get("field").asText()).isEqualTo("date");
            assertThat(outside.body()).contains(date + " is not one of the run's", "test days");
        }
        assertThat(server.get("/runs/" + id + "/cell?date=2023-06-01").statusCode()).isEqualTo(400);
        HttpResponse<String> fragment = server.htmxGet("/ui/runs/" + id + "/cell?date=nope");
        assertThat(fragment.statusCode()).isEqualTo(400);
        assertThat(fragment.body()).contains("date").doesNotContain("<html");

        HttpResponse<String> unknown = server.get("/api/runs/20990101-000000-abcdef/cell?date=2023-11-01");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(server.get("/runs/20990101-000000-abcdef/cell").statusCode()).isEqualTo(404);

        HttpResponse<String> cnn = server.get("/api/runs/" + CNN_RUN + "/cell?date=2023-11-01");
        assertThat(cnn.statusCode()).isEqualTo(409);
        assertThat(cnn.body()).contains("cnn", "no recurrent cell");
        assertThat(server.get("/runs/" + CNN_RUN + "/cell").statusCode()).isEqualTo(409);
    }

    @Test
    void thePageShowsTheHeatMapsTheDiagramAndTheReadingsAndTheRunPageLinksToIt() {
        String id = RUNS.get("lstm");
        Forecast forecast = ForecastFiles.read(folder(id)).orElseThrow();
        String date = forecast.dates().get(2).toString();
        HttpResponse<String> page = server.get("/runs/" + id + "/cell?date=" + date);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/static/img/lstm-cell.svg", "/static/js/cell.js",
                "data-role=\"heat-map\"", "data-gate=\"forget\"", "data-gate=\"candidate\"", "data-gate=\"cell\"",
                "data-gate=\"hidden\"", "<option value=\"" + date + "\" selected", "forget gate mean",
                "c' = f ⊙ c + i ⊙ g").doesNotContain("style=");
        assertThat(server.get("/runs/" + RUNS.get("gru") + "/cell").body()).contains("/static/img/gru-cell.svg",
                "data-gate=\"update\"", "data-gate=\"reset\"", "update gate mean").doesNotContain("data-gate=\"cell\"");
        assertThat(server.get("/runs/" + RUNS.get("rnn") + "/cell").body()).contains("/static/img/rnn-cell.svg",
                "hidden state mean |h|");
        for (String svg : List.of("lstm", "gru", "rnn")) {
            HttpResponse<String> image = server.get("/static/img/" + svg + "-cell.svg");
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        }
        String fragment = server.htmxGet("/ui/runs/" + id + "/cell?date=" + date).body();
        assertThat(fragment.strip()).startsWith("<section id=\"cell-trace\"").contains("data-date=\"" + date + "\"");
        assertThat(server.get("/runs/" + id).body()).contains("href=\"/runs/" + id + "/cell\"");
        assertThat(server.get("/ui/forecast/runs/" + id + "/result").body()).contains("href=\"/runs/" + id + "/cell\"");
    }
}
