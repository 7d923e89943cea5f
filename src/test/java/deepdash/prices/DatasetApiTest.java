package deepdash.prices;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.AppConfig;
import deepdash.support.Multipart;
import deepdash.support.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The datasets API over real HTTP: uploads, the bundled sample, previews, and every refusal. */
class DatasetApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();


    static HttpResponse<String> upload(String fileName, byte[] content) {
        return server.send(Multipart.upload(server.baseUrl() + "/api/datasets", "file", fileName, content));
    }

    /** Folder names under the datasets folder, temp folders included. */
    static List<String> storedFolders(Path data) throws IOException {
        Path datasets = data.resolve("datasets");
        if (!Files.isDirectory(datasets)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(datasets)) {
            return children.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theBundledSampleIsThereWithoutUploading() throws Exception {
        JsonNode list = json(server.get("/api/datasets"));
        assertThat(list.findValuesAsText("id")).contains("sample-synthetic");

        JsonNode sample = json(server.get("/api/datasets/sample-synthetic"));
        assertThat(sample.get("rows").asInt()).isEqualTo(2346);
        assertThat(sample.get("from").asText()).isEqualTo("2015-01-02");
        assertThat(sample.get("to").asText()).isEqualTo("2023-12-29");
        assertThat(sample.get("sample").asBoolean()).isTrue();
        assertThat(sample.get("defaultTarget").asText()).isEqualTo("Adj Close");
        assertThat(sample.get("head")).hasSize(10);
        JsonNode first = sample.get("head").get(0);
        assertThat(first.get("date").asText()).isEqualTo("2015-01-02");
        // 49.2632 in the file, rounded to two decimals for the preview.
        assertThat(first.get("values").get(0).asDouble()).isEqualTo(49.26);
    }

    @Test
    void anUploadAnswers201WithWhatWasRead() throws Exception {
        List<String> lines = new ArrayList<>(PriceCsvFixtures.lines(40, PriceCsvFixtures::yahooLine));
        lines.add(5, "2023-01-05,null,null,null,null,null,null");
        // Newest first, as some exports are; the API answers in date order.
        Collections.reverse(lines);
        String csv = PriceCsvFixtures.csv(PriceCsvFixtures.YAHOO_HEADER, lines);

        HttpResponse<String> response = upload("prices.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode info = json(response);
        assertThat(info.fieldNames()).toIterable().contains("id", "name", "rows", "from", "to", "columns", "skipped");
        assertThat(info.get("name").asText()).isEqualTo("prices.csv");
        assertThat(info.get("rows").asInt()).isEqualTo(40);
        assertThat(info.get("from").asText()).isEqualTo("2023-01-02");
        assertThat(info.get("to").asText()).isEqualTo("2023-02-10");
        assertThat(info.get("columns").toString()).isEqualTo(
                "[\"Open\",\"High\",\"Low\",\"Close\",\"Adj Close\",\"Volume\"]");
        assertThat(info.get("skipped").get("count").asInt()).isEqualTo(1);
        assertThat(info.get("skipped").get("examples").get(0).asText()).contains("line");

        String id = info.get("id").asText();
        assertThat(json(server.get("/api/datasets")).findValuesAsText("id")).contains(id);
        JsonNode detail = json(server.get("/api/datasets/" + id));
        assertThat(detail.get("head")).hasSize(10);
        assertThat(detail.get("head").get(0).get("date").asText()).isEqualTo("2023-01-02");
        JsonNode series = json(server.get("/api/datasets/" + id + "/series?column=close"));
        assertThat(series.get("column").asText()).isEqualTo("Close");
        assertThat(series.get("dates")).hasSize(40);
        assertThat(series.get("values").get(39).asDouble()).isEqualTo(PriceCsvFixtures.close(39));
        assertThat(json(server.get("/api/datasets/" + id + "/series")).get("column").asText()).isEqualTo("Adj Close");
    }

    @Test
    void refusesFilesItCannotUseNamingRowAndColumnAndStoresNothing() throws Exception {
        // The first dataset request registers the bundled sample; what is there after it must stay as it is.
        assertThat(server.get("/api/datasets").statusCode()).isEqualTo(200);
        List<String> before = storedFolders(server.dataDir());
        assertThat(before).contains(DatasetService.SAMPLE_ID);
        String header = PriceCsvFixtures.YAHOO_HEADER;
        List<String> duplicated = new ArrayList<>(PriceCsvFixtures.lines(40, PriceCsvFixtures::yahooLine));
        duplicated.add(PriceCsvFixtures.yahooLine(3).replace("103.500000", "999.000000"));
        String[][] cases = {
            {"", "the file is empty"},
            {"\u0089PNG\r\n\u001a\n\u0000\u0000", "not a CSV file"},
            {"just some words without any delimiter\nmore words\n", "not a CSV file"},
            {PriceCsvFixtures.csv("Open,Close", PriceCsvFixtures.lines(40, i -> (100 + i) + "," + (101 + i))),
                "no date column"},
            {PriceCsvFixtures.csv("Date,Comment", PriceCsvFixtures.lines(40, i -> PriceCsvFixtures.day(i) + ",hello")),
                "no numeric price column"},
            {PriceCsvFixtures.csv("Date,Close", List.of(PriceCsvFixtures.day(0) + ",100",
                    PriceCsvFixtures.day(1) + ",abc")), "line 3, column Close: 'abc' is not a number"},
            {PriceCsvFixtures.csv(header, duplicated), "duplicate date 2023-01-05"},
            {PriceCsvFixtures.yahooCsv(12), "30"},
        };
        for (String[] c : cases) {
            HttpResponse<String> response = upload("bad.csv", c[0].getBytes(StandardCharsets.ISO_8859_1));
            assertThat(response.statusCode()).as(c[1] + ": " + response.body()).isEqualTo(400);
            JsonNode error = json(response);
            assertThat(error.get("field").asText()).isEqualTo("file");
            assertThat(error.get("error").asText()).as(c[1]).startsWith("bad.csv: ").contains(c[1]);
        }
        String duplicateMessage = json(upload("dup.csv", PriceCsvFixtures.csv(header, duplicated)
                .getBytes(StandardCharsets.UTF_8))).get("error").asText();
        assertThat(duplicateMessage).contains("line");
        assertThat(storedFolders(server.dataDir())).as("nothing half-uploaded stays").isEqualTo(before);
    }

    @Test
    void refusesRequestsWithoutAFileField() throws Exception {
        HttpResponse<String> wrongField = server.send(Multipart.upload(server.baseUrl() + "/api/datasets", "upload",
                "a.csv", PriceCsvFixtures.yahooCsv(40).getBytes(StandardCharsets.UTF_8)));
        assertThat(wrongField.statusCode()).isEqualTo(400);
        assertThat(json(wrongField).get("field").asText()).isEqualTo("file");
        assertThat(json(wrongField).get("error").asText()).contains("field named \"file\"");

        HttpResponse<String> notMultipart = server.send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/api/datasets"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(PriceCsvFixtures.yahooCsv(40))).build());
        assertThat(notMultipart.statusCode()).isEqualTo(400);
        assertThat(json(notMultipart).get("error").asText()).contains("multipart/form-data");
    }

    @Test
    void unknownDatasetsAre404AndUnknownColumns400() throws Exception {
        assertThat(server.get("/api/datasets/0123456789ab").statusCode()).isEqualTo(404);
        assertThat(json(server.get("/api/datasets/0123456789ab")).get("error").asText()).contains("no dataset");
        assertThat(server.get("/api/datasets/NOT..valid").statusCode()).isEqualTo(404);
        assertThat(server.get("/api/datasets/0123456789ab/series").statusCode()).isEqualTo(404);
        HttpResponse<String> column = server.get("/api/datasets/sample-synthetic/series?column=Dividends");
        assertThat(column.statusCode()).isEqualTo(400);
        assertThat(json(column).get("field").asText()).isEqualTo("column");
        assertThat(json(column).get("error").asText()).contains("Adj Close");
    }

    @Test
    void aFileOverTheSizeLimitIs413WhetherItsLengthIsDeclaredOrNot(@TempDir Path smallDataDir) throws Exception {
        long limit = 64 * 1024;
        byte[] large = PriceCsvFixtures.yahooCsv(3000).getBytes(StandardCharsets.UTF_8);
        assertThat(large.length).isGreaterThan((int) (2 * limit));
        try (TestServer small = TestServer.start(AppConfig.of("127.0.0.1", 0, smallDataDir, 1, limit))) {
            assertThat(small.get("/api/datasets").statusCode()).isEqualTo(200);
            List<String> before = storedFolders(smallDataDir);
            String url = small.baseUrl() + "/api/datasets";

            HttpResponse<String> declared = small.send(Multipart.upload(url, "file", "big.csv", large));
            assertThat(declared.statusCode()).as(declared.body()).isEqualTo(413);
            assertThat(json(declared).get("error").asText()).contains("upload limit of 0.1 MB");
            assertThat(json(declared).get("field").asText()).isEqualTo("file");

            HttpResponse<String> chunked = small.send(Multipart.uploadChunked(url, "file", "big.csv", large));
            assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);

            // Just under the limit is fine.
            byte[] fits = PriceCsvFixtures.yahooCsv(500).getBytes(StandardCharsets.UTF_8);
            assertThat(fits.length).isLessThan((int) limit);
            assertThat(small.send(Multipart.upload(url, "file", "fits.csv", fits)).statusCode()).isEqualTo(201);
            assertThat(storedFolders(smallDataDir)).hasSize(before.size() + 1).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void theLstmSummaryHasDjlsCountAndChecksTheWindow() throws Exception {
        JsonNode summary = json(server.get("/api/models/lstm/summary?window=5"));
        assertThat(summary.get("totalParams").asLong()).isEqualTo(7_697);
        assertThat(summary.get("inputShape").asText()).isEqualTo("(N, 5, 1)");
        assertThat(summary.get("layers").get(0).get("formula").asText()).startsWith("4x32x(1+32+2) = 4,480");
        assertThat(summary.get("note").asText()).contains("7,505");
        assertThat(json(server.get("/api/models/lstm/summary")).get("inputShape").asText()).isEqualTo("(N, 5, 1)");
        assertThat(json(server.get("/api/models/lstm/summary?window=365")).get("totalParams").asLong())
                .isEqualTo(7_697);
        for (String bad : List.of("1", "366", "five", "-3")) {
            HttpResponse<String> response = server.get("/api/models/lstm/summary?window=" + bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(response).get("field").asText()).isEqualTo("window");
        }
    }
}
