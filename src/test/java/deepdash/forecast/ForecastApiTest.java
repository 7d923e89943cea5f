package deepdash.forecast;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.json.Json;
import deepdash.support.Multipart;
import deepdash.support.SseStream;
import deepdash.support.SseStream.Event;
import deepdash.support.TestServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole LSTM path over real HTTP: upload a CSV, create a run, follow its events while a real
 * worker process trains, then read the forecast it wrote. Also the run refusals and the page.
 */
@Timeout(300)
class ForecastApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();


    static byte[] sampleCsv() throws Exception {
        try (InputStream in = ForecastApiTest.class.getResourceAsStream("/data/prices/sample-synthetic-prices.csv")) {
            return in.readAllBytes();
        }
    }

    static boolean isFinalStatus(Event event) {
        if (!"status".equals(event.name())) {
            return false;
        }
        try {
            return List.of("completed", "failed", "cancelled", "interrupted")
                    .contains(Json.mapper().readTree(event.data()).get("status").asText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void uploadTrainAndReadTheForecast() throws Exception {
        HttpResponse<String> uploaded = server.send(Multipart.upload(server.baseUrl() + "/api/datasets", "file",
                "my-prices.csv", sampleCsv()));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String dataset = json(uploaded).get("id").asText();

        HttpResponse<String> created = server.postJson("/api/runs", "{\"model\":\"lstm\",\"dataset\":\"" + dataset
                + "\",\"target\":\"Adj Close\",\"window\":5,\"from\":\"2021-01-01\",\"to\":\"2023-12-29\","
                + "\"splitDate\":\"2023-07-01\",\"epochs\":3,\"batchSize\":32}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        JsonNode run = json(created);
        String id = run.get("id").asText();
        assertThat(run.get("model").asText()).isEqualTo("lstm");
        assertThat(run.get("config").get("splitDate").asText()).isEqualTo("2023-07-01");
        assertThat(Files.readAllBytes(server.dataDir().resolve("runs").resolve(id).resolve("prices.csv")))
                .as("the run keeps its own copy of the prices").isEqualTo(sampleCsv());

        List<Event> events = new ArrayList<>();
        try (SseStream stream = server.events(id, null)) {
            assertThat(stream.until(ForecastApiTest::isFinalStatus, events)).isNotNull();
        }
        JsonNode last = Json.mapper().readTree(events.get(events.size() - 1).data());
        assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("completed");
        List<JsonNode> epochs = new ArrayList<>();
        for (Event e : events) {
            if (e.name().equals("epoch")) {
                epochs.add(Json.mapper().readTree(e.data()));
            }
        }
        assertThat(epochs).hasSize(3);
        for (JsonNode epoch : epochs) {
            assertThat(epoch.fieldNames()).toIterable().contains("loss", "mae", "val_loss", "val_mae");
            assertThat(epoch.get("val_mae").asDouble()).isFinite().isNotNegative();
        }
        assertThat(last.get("test").get("mae").asDouble()).isFinite().isPositive();

        HttpResponse<String> response = server.get("/api/runs/" + id + "/forecast");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode forecast = json(response);
        int days = forecast.get("dates").size();
        assertThat(days).isGreaterThan(100);
        assertThat(forecast.get("actual")).hasSize(days);
        assertThat(forecast.get("predicted")).hasSize(days);
        assertThat(forecast.get("naive")).hasSize(days);
        assertThat(forecast.get("testWindows").asInt()).isEqualTo(days);
        assertThat(LocalDate.parse(forecast.get("dates").get(0).asText())).isAfterOrEqualTo(LocalDate.of(2023, 7, 1));
        for (String part : List.of("metrics", "baseline")) {
            assertThat(forecast.get(part).fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("mae", "rmse", "mse_scaled", "mae_scaled");
            assertThat(forecast.get(part).get("mae").asDouble()).isFinite().isPositive();
        }
        assertThat(forecast.get("maeRatio").asDouble()).isFinite().isPositive();
        assertThat(forecast.get("maeRatio").asDouble()).isCloseTo(
                forecast.get("metrics").get("mae").asDouble() / forecast.get("baseline").get("mae").asDouble(),
                within(1e-9));
        // The sample ends on Friday 2023-12-29: the next business day is Monday.
        assertThat(forecast.get("next").get("date").asText()).isEqualTo("2024-01-01");
        assertThat(forecast.get("next").get("value").asDouble()).isFinite().isPositive();
        // Without a recipe or horizon the run is the seed's, one day ahead, tested against the naive forecast.
        assertThat(forecast.get("recipe").asText()).isEqualTo("seed");
        assertThat(forecast.get("horizon").asInt()).isEqualTo(1);
        assertThat(forecast.has("standardization")).isFalse();
        assertThat(run.get("config").get("recipe").asText()).isEqualTo("seed");
        JsonNode dm = forecast.get("dieboldMariano");
        assertThat(dm.get("statistic").asDouble()).isFinite();
        assertThat(dm.get("pValue").asDouble()).isBetween(0.0, 1.0);
        assertThat(dm.get("loss").asText()).isEqualTo("absolute");
        Path runDir = server.dataDir().resolve("runs").resolve(id);
        assertThat(runDir.resolve("model").resolve("lstm-0000.params")).isRegularFile();
        assertThat(runDir.resolve("forecast.json")).isRegularFile();

        // The page's result fragment says plainly how the LSTM did against "tomorrow = today".
        HttpResponse<String> result = server.get("/ui/forecast/runs/" + id + "/result");
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).containsAnyOf("The LSTM beats the naive forecast", "The LSTM loses to the naive",
                        "The LSTM is no better than \"tomorrow = today\": the difference is within noise, p = ")
                .contains("/api/runs/" + id + "/forecast", "MAE ratio", "Diebold-Mariano", "data-role=\"dm-p-value\"");
        assertThat(server.get("/forecast").body()).contains("data-run-id=\"" + id + "\"");
    }

    @Test
    void aReturnsRunFiveDaysAheadStoresItsConstantsAndItsTest() throws Exception {
        HttpResponse<String> created = server.postJson("/api/runs", "{\"model\":\"gru\",\"dataset\":"
                + "\"sample-synthetic\",\"from\":\"2022-01-01\",\"splitDate\":\"2023-07-01\",\"epochs\":1,"
                + "\"recipe\":\"returns\",\"horizon\":5}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String id = json(created).get("id").asText();
        try (SseStream stream = server.events(id, null)) {
            assertThat(stream.until(ForecastApiTest::isFinalStatus, new ArrayList<>())).isNotNull();
        }
        HttpResponse<String> response = server.get("/api/runs/" + id + "/forecast");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode forecast = json(response);
        assertThat(forecast.get("recipe").asText()).isEqualTo("returns");
        assertThat(forecast.get("horizon").asInt()).isEqualTo(5);
        assertThat(forecast.get("standardization").get("deviation").asDouble()).isPositive();
        assertThat(forecast.get("standardization").get("mean").asDouble()).isFinite();
        assertThat(forecast.get("dieboldMariano").get("horizon").asInt()).isEqualTo(5);
        // Five business days after Friday 2023-12-29.
        assertThat(forecast.get("next").get("date").asText()).isEqualTo("2024-01-05");
        // The naive forecast for day t is the price five rows earlier.
        JsonNode actual = forecast.get("actual");
        JsonNode naive = forecast.get("naive");
        assertThat(naive.get(10).asDouble()).isEqualTo(actual.get(5).asDouble());
        assertThat(server.get("/ui/forecast/runs/" + id + "/result").body())
                .contains("\"in 5 business days = today\"", "recipe returns", "5 business day(s) ahead");
    }

    @Test
    void aRunWithoutAForecastAnswers404SayingWhy() throws Exception {
        assertThat(server.get("/api/runs/20990101-000000-000000/forecast").statusCode()).isEqualTo(404);
        HttpResponse<String> created = server.postJson("/api/runs", "{\"model\":\"lstm\",\"dataset\":"
                + "\"sample-synthetic\",\"from\":\"2023-01-01\",\"splitDate\":\"2023-11-01\",\"epochs\":1}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String id = json(created).get("id").asText();
        // A worker needs seconds to start a JVM and load MXNet; asking at once finds no forecast.
        HttpResponse<String> early = server.get("/api/runs/" + id + "/forecast");
        assertThat(early.statusCode()).isEqualTo(404);
        assertThat(json(early).get("error").asText()).contains("has no forecast yet: it is");
        server.postJson("/api/runs/" + id + "/cancel", "");
        try (SseStream stream = server.events(id, null)) {
            stream.readToEnd();
        }
        HttpResponse<String> cancelled = server.get("/api/runs/" + id + "/forecast");
        assertThat(cancelled.statusCode()).isEqualTo(404);
        assertThat(json(cancelled).get("error").asText()).contains("ended cancelled without a forecast");
    }

    @Test
    void badLstmSettingsAreRefusedNamingTheFieldAndNoRunIsCreated() throws Exception {
        String[][] cases = {
            {"{\"model\":\"lstm\"}", "dataset", "is required"},
            {"{\"model\":\"lstm\",\"dataset\":\"nope-nope\"}", "dataset", "no dataset with id"},
            {"{\"model\":\"lstm\",\"dataset\":\"../etc\"}", "dataset", "no dataset with id"},
            {"{\"model\":\"lstm\",\"dataset\":\"sample-synthetic\",\"target\":\"Dividends\"}", "target", "Adj Close"},
            {"{\"model\":\"lstm\",\"dataset\":\"sample-synthetic\",\"window\":1}", "window", "between 2 and 365"},
            {"{\"model\":\"lstm\",\"dataset\":\"sample-synthetic\",\"window\":400}", "window", "between 2 and 365"},
            {"{\"model\":\"lstm\",\"dataset\":\"sample-synthetic\",\"from\":\"01/02/2015\"}", "from", "YYYY-MM-DD"},
            {"{\"model\":\"lstm\",\"dataset\":\"sample-synthetic\",\"from\":\"2020-01-01\",\"to\":\"2019-01-01\"}",
                "to", "must be after from"},
            {"{\"model\":\"lstm\",\"dataset\":\"sample-synthetic\",\"splitDate\":\"2030-01-01\"}", "splitDate",
                "0 test windows"},
            {"{\"model\":\"lstm\",\"dataset\":\"sample-synthetic\",\"splitDate\":\"2010-01-01\"}", "splitDate",
                "make 0 training windows and 2341 test windows"},
            {"{\"model\":\"lstm\",\"dataset\":\"sample-synthetic\",\"epochs\":0}", "epochs", "between 1 and 1000"},
            {"{\"model\":\"gru\",\"dataset\":\"sample-synthetic\",\"recipe\":\"prices\"}", "recipe",
                "must be one of seed, returns"},
            {"{\"model\":\"rnn\",\"dataset\":\"sample-synthetic\",\"horizon\":3}", "horizon",
                "must be one of [1, 5, 20]"},
        };
        int before = json(server.get("/api/runs")).size();
        for (String[] c : cases) {
            HttpResponse<String> response = server.postJson("/api/runs", c[0]);
            assertThat(response.statusCode()).as(c[0] + " -> " + response.body()).isEqualTo(400);
            JsonNode error = json(response);
            assertThat(error.get("field").asText()).as(c[0]).isEqualTo(c[1]);
            assertThat(error.get("error").asText()).as(c[0]).startsWith(c[1] + ":").contains(c[2]);
        }
        assertThat(json(server.get("/api/runs")).size()).as("no run was created").isEqualTo(before);
    }

    @Test
    void theForecastPageShowsTheDataTheFormAndTheArchitecture() throws Exception {
        HttpResponse<String> page = server.get("/forecast");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/forecast\"", "7,697", "7,505", "4x32x(1+32+2) = 4,480",
                "hx-post=\"/ui/forecast/runs\"", "name=\"splitDate\"", "/static/js/forecast.js", "multipart/form-data",
                "sample-synthetic");
        assertThat(server.get("/static/js/forecast.js").statusCode()).isEqualTo(200);

        HttpResponse<String> panel = server.get("/ui/forecast/dataset?id=sample-synthetic");
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).contains("2,346 usable rows", "2015-01-02", "2023-12-29", "synthetic sample",
                "49.26", "value=\"2022-01-01\"", "<option value=\"Adj Close\" selected>",
                "<option value=\"seed\" selected>", "<option value=\"returns\">", "<option value=\"20\">",
                "Default dates: the file covers the seed's setting", "above the training maximum");
        assertThat(server.get("/ui/forecast/dataset?id=missing").statusCode()).isEqualTo(404);

        HttpResponse<String> summary = server.get("/ui/forecast/summary?window=30");
        assertThat(summary.body()).contains("(N, 30, 32)", "7,697");
        assertThat(server.get("/ui/forecast/summary?window=1").statusCode()).isEqualTo(400);
        assertThat(summary.body()).contains("Sigmoid");
        HttpResponse<String> linear = server.get("/ui/forecast/summary?window=30&recipe=returns");
        assertThat(linear.body()).contains("(N, 30, 32)").doesNotContain("Sigmoid");
        assertThat(server.get("/ui/forecast/summary?window=30&recipe=nope").statusCode()).isEqualTo(400);

        HttpResponse<String> uploaded = server.send(Multipart.upload(server.baseUrl() + "/ui/forecast/datasets",
                "file", "page.csv", sampleCsv()));
        assertThat(uploaded.statusCode()).isEqualTo(201);
        assertThat(uploaded.body()).contains("Read <strong>page.csv</strong>", "hx-swap-oob");

        HttpResponse<String> refused = server.send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/ui/forecast/runs"))
                .header("HX-Request", "true")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("dataset=sample-synthetic&window=1")).build());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("class=\"error\"", "window: must be between 2 and 365");
    }
}
