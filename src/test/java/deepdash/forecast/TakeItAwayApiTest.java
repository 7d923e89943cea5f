package deepdash.forecast;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.AppConfig;
import deepdash.json.Json;
import deepdash.prices.DateOrderAndCurrencyAccess;
import deepdash.prices.ParsedPrices;
import deepdash.prices.PriceCsvParser;
import deepdash.support.Multipart;
import deepdash.support.SseStream;
import deepdash.support.SseStream.Event;
import deepdash.support.TestServer;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Taking a forecasting run away: its forecast as CSV, its model zip with everything needed to use
 * it again; the result's words agreeing with its numbers; runs named by their dataset; datasets
 * renamed and deleted while their runs go on working; ambiguous dates refused until chosen.
 */
@Timeout(300)
class TakeItAwayApiTest {

    static final String EVIL = "http://evil.example";
    static final String TOKEN = "take-away-token-0123456789";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    static String dataset;
    static String run;

    @BeforeAll
    static void trainOneLstm() throws Exception {
        HttpResponse<String> uploaded = server.send(Multipart.upload(server.baseUrl() + "/api/datasets", "file",
                "my-prices.csv", ForecastApiTest.sampleCsv()));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        dataset = json(uploaded).get("id").asText();
        HttpResponse<String> created = server.postJson("/api/runs", "{\"model\":\"lstm\",\"dataset\":\"" + dataset
                + "\",\"target\":\"Adj Close\",\"window\":5,\"from\":\"2022-01-03\",\"to\":\"2023-12-29\","
                + "\"splitDate\":\"2023-07-03\",\"epochs\":2,\"batchSize\":32}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        run = json(created).get("id").asText();
        List<Event> events = new ArrayList<>();
        try (SseStream stream = server.events(run, null)) {
            assertThat(stream.until(ForecastApiTest::isFinalStatus, events)).isNotNull();
        }
        JsonNode last = Json.mapper().readTree(events.get(events.size() - 1).data());
        assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("completed");
    }

    static HttpResponse<String> send(String method, String path, String body, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return server.send(request.build());
    }

    @Test
    void theForecastCsvRoundTripsToForecastJson() throws Exception {
        HttpResponse<String> response = server.get("/api/runs/" + run + "/forecast.csv");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains(run + "-forecast.csv");
        JsonNode forecast = json(server.get("/api/runs/" + run + "/forecast"));

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.body())).getRecords();
        assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly("date", "actual", "predicted", "naive");
        assertThat(rows).hasSize(forecast.get("dates").size()).hasSizeGreaterThan(100);
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            assertThat(row.get("date")).isEqualTo(forecast.get("dates").get(i).asText());
            for (String column : List.of("actual", "predicted", "naive")) {
                assertThat(Double.parseDouble(row.get(column))).as(column + " on " + row.get("date"))
                        .isEqualTo(forecast.get(column).get(i).asDouble());
            }
        }
        assertThat(server.get("/api/runs/20990101-000000-000000/forecast.csv").statusCode()).isEqualTo(404);
    }

    @Test
    void theModelZipHoldsWhatIsNeededToUseItAgain() throws Exception {
        HttpResponse<byte[]> response = server.getBytes("/api/runs/" + run + "/model");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries.keySet()).containsExactlyInAnyOrder(run + "/run.json", run + "/model/lstm-0000.params",
                run + "/forecast.json", run + "/prices.csv", run + "/prices.json", run + "/scaler.json");
        assertThat(entries.get(run + "/prices.csv")).isEqualTo(ForecastApiTest.sampleCsv());
        assertThat(Json.mapper().readTree(entries.get(run + "/forecast.json")))
                .isEqualTo(json(server.get("/api/runs/" + run + "/forecast")));
        JsonNode source = Json.mapper().readTree(entries.get(run + "/prices.json"));
        assertThat(source.get("dataset").asText()).isEqualTo(dataset);
        assertThat(source.get("name").asText()).isEqualTo("my-prices.csv");

        // The scaler: fitted on the training days (from .. the day before the split), as the worker did.
        JsonNode scaler = Json.mapper().readTree(entries.get(run + "/scaler.json"));
        assertThat(scaler.get("kind").asText()).isEqualTo("min-max");
        assertThat(scaler.get("column").asText()).isEqualTo("Adj Close");
        assertThat(scaler.get("window").asInt()).isEqualTo(5);
        ParsedPrices prices = new PriceCsvParser().parse(ForecastApiTest.sampleCsv(), "prices.csv");
        double[] close = prices.column("Adj Close");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < close.length; i++) {
            LocalDate day = prices.dates().get(i);
            if (!day.isBefore(LocalDate.of(2022, 1, 3)) && day.isBefore(LocalDate.of(2023, 7, 3))) {
                min = Math.min(min, close[i]);
                max = Math.max(max, close[i]);
            }
        }
        assertThat(scaler.get("min").asDouble()).isEqualTo(min);
        assertThat(scaler.get("max").asDouble()).isEqualTo(max);
    }

    @Test
    void theResultSaysOneThingAboutTheRatio() {
        JsonNode forecast = json(server.get("/api/runs/" + run + "/forecast"));
        double ratio = forecast.get("maeRatio").asDouble();
        String html = server.get("/ui/forecast/runs/" + run + "/result").body();
        // The table says which errors are smaller; the verdict alone says whether that is beyond noise.
        if (ratio < 1) {
            assertThat(html).contains("below 1: the LSTM's errors are smaller").doesNotContain("loses to", "above 1");
            assertThat(html).containsAnyOf("The LSTM beats the naive forecast", "The LSTM is no better than");
        } else {
            assertThat(html).contains("above 1: the LSTM's errors are larger").doesNotContain(" beats ", "below 1");
            assertThat(html).containsAnyOf("The LSTM loses to the naive forecast", "The LSTM is no better than");
        }
        assertThat(html).contains("MSE (scaled)", "MAE (scaled)", "/api/runs/" + run + "/forecast.csv",
                "/api/runs/" + run + "/model", "data-chart-reset-zoom", "data-chart-png");
    }

    @Test
    void runsShowTheDatasetsNameItsRangeAndTheMaeRatio() {
        String html = server.get("/runs/table").body();
        String ratio = String.format(java.util.Locale.ROOT, "%.3f",
                json(server.get("/api/runs/" + run + "/forecast")).get("maeRatio").asDouble());
        assertThat(html).contains("my-prices.csv · Adj Close", "2022-01-03 to 2023-12-29", "split 2023-07-03",
                "MAE ratio vs naive", ratio, "val_mae (scaled)");
        assertThat(html).doesNotContain("<td>" + dataset);
    }

    @Test
    void ambiguousDatesAreRefusedNamingTheColumnThenReadWithTheChoice() throws Exception {
        byte[] file = DateOrderAndCurrencyAccess.dayFirstAmbiguousFile();
        HttpResponse<String> refused = server.send(Multipart.upload(server.baseUrl() + "/api/datasets", "file",
                "eu.csv", file));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused).get("field").asText()).isEqualTo("dateOrder");
        assertThat(json(refused).get("error").asText()).contains("column Date", "ambiguous");

        HttpResponse<String> wrong = server.send(Multipart.upload(server.baseUrl() + "/api/datasets?dateOrder=ymd",
                "file", "eu.csv", file));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(json(wrong).get("field").asText()).isEqualTo("dateOrder");

        HttpResponse<String> accepted = server.send(Multipart.upload(server.baseUrl()
                + "/api/datasets?dateOrder=dmy", "file", "eu.csv", file));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(json(accepted).get("dateOrder").asText()).isEqualTo("dmy");
        assertThat(json(accepted).get("from").asText()).isEqualTo("2023-01-02");
    }

    @Test
    void aDatasetIsRenamedThenDeletedAndItsRunsGoOnWorking() throws Exception {
        HttpResponse<String> uploaded = server.send(Multipart.upload(server.baseUrl() + "/api/datasets", "file",
                "doomed.csv", ForecastApiTest.sampleCsv()));
        String doomed = json(uploaded).get("id").asText();

        HttpResponse<String> renamed = send("PATCH", "/api/datasets/" + doomed, "{\"name\":\"AMZN daily\"}", null);
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(json(renamed).get("name").asText()).isEqualTo("AMZN daily");
        assertThat(json(server.get("/api/datasets/" + doomed)).get("name").asText()).isEqualTo("AMZN daily");
        assertThat(send("PATCH", "/api/datasets/" + doomed, "{\"name\":\"  \"}", null).statusCode()).isEqualTo(400);
        assertThat(send("PATCH", "/api/datasets/" + doomed, "not json", null).statusCode()).isEqualTo(400);
        assertThat(send("PATCH", "/api/datasets/000000000000", "{\"name\":\"x\"}", null).statusCode())
                .isEqualTo(404);

        assertThat(send("DELETE", "/api/datasets/" + doomed, null, null).statusCode()).isEqualTo(204);
        assertThat(server.get("/api/datasets/" + doomed).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/datasets/" + doomed, null, null).statusCode()).isEqualTo(404);
        HttpResponse<String> sample = send("DELETE", "/api/datasets/sample-synthetic", null, null);
        assertThat(sample.statusCode()).isEqualTo(409);
        assertThat(json(sample).get("error").asText()).contains("bundled sample");

        // The trained run's dataset goes too; the run keeps its own copy and its name for it.
        assertThat(send("DELETE", "/api/datasets/" + dataset, null, null).statusCode()).isEqualTo(204);
        assertThat(server.get("/api/runs/" + run + "/forecast").statusCode()).isEqualTo(200);
        assertThat(server.get("/api/runs/" + run + "/forecast.csv").statusCode()).isEqualTo(200);
        assertThat(server.getBytes("/api/runs/" + run + "/model").statusCode()).isEqualTo(200);
        assertThat(server.get("/ui/forecast/runs/" + run + "/result").statusCode()).isEqualTo(200);
        assertThat(server.get("/runs/" + run).body()).contains("my-prices.csv");
        assertThat(server.get("/runs").statusCode()).isEqualTo(200);
        HttpResponse<String> again = server.postJson("/api/runs", "{\"model\":\"lstm\",\"dataset\":\"" + dataset
                + "\"}");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("dataset");
    }

    @Test
    void aForeignOriginCannotRenameOrDelete() {
        String id = json(server.get("/api/datasets")).get(0).get("id").asText();
        assertThat(send("PATCH", "/api/datasets/" + id, "{\"name\":\"pwned\"}", EVIL).statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/datasets/" + id, null, EVIL).statusCode()).isEqualTo(403);
        assertThat(server.get("/api/datasets/" + id).statusCode()).isEqualTo(200);
        assertThat(json(server.get("/api/datasets/" + id)).get("name").asText()).isNotEqualTo("pwned");
    }

    @Test
    void withATokenRenameDeleteAndTheCsvNeedIt(@TempDir Path dataDir) {
        try (TestServer guarded = TestServer.start(AppConfig.forTests(dataDir).withToken(TOKEN))) {
            for (String method : List.of("PATCH", "DELETE")) {
                HttpResponse<String> response = guarded.send(HttpRequest.newBuilder(
                                URI.create(guarded.baseUrl() + "/api/datasets/sample-synthetic"))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")).build());
                assertThat(response.statusCode()).as(method).isEqualTo(401);
            }
            assertThat(guarded.get("/api/runs/20990101-000000-000000/forecast.csv").statusCode()).isEqualTo(401);
            HttpResponse<String> withToken = guarded.send(HttpRequest.newBuilder(
                            URI.create(guarded.baseUrl() + "/api/datasets/sample-synthetic"))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"Sample\"}")).build());
            assertThat(withToken.statusCode()).isEqualTo(200);
        }
    }
}
