package deepdash.runs;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.json.Json;
import deepdash.protocol.RunFolder;
import deepdash.protocol.RunStatus;
import deepdash.support.SyntheticRuns;
import deepdash.support.SyntheticRuns.Written;
import deepdash.support.TestServer;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The history side of the runs API over HTTP, on runs written straight to disk (no training). */
@Timeout(120)
class RunHistoryApiTest {

    @TempDir
    Path dataDir;

    Written seed(int count) {
        return SyntheticRuns.write(new RunStore(dataDir.resolve("runs")), count, 4);
    }


    static List<String> ids(HttpResponse<String> response) throws Exception {
        List<String> ids = new ArrayList<>();
        json(response).forEach(run -> ids.add(run.get("id").asText()));
        return ids;
    }

    static String total(HttpResponse<String> response) {
        return response.headers().firstValue(RunController.TOTAL_COUNT_HEADER).orElse(null);
    }

    @Test
    void listIsAJsonArrayOfOnePageWithTheTotalInAHeader() throws Exception {
        Written written = seed(130);
        try (TestServer server = TestServer.start(dataDir)) {
            HttpResponse<String> first = server.get("/api/runs");
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(json(first).isArray()).isTrue();
            assertThat(total(first)).isEqualTo("130");
            assertThat(ids(first)).containsExactlyElementsOf(written.newestFirst().subList(0, 50));

            HttpResponse<String> page = server.get("/api/runs?limit=20&offset=120");
            assertThat(ids(page)).containsExactlyElementsOf(written.newestFirst().subList(120, 130));
            assertThat(total(page)).isEqualTo("130");

            HttpResponse<String> lstm = server.get("/api/runs?model=lstm&limit=500");
            assertThat(total(lstm)).isEqualTo(Integer.toString(written.lstm()));
            json(lstm).forEach(run -> assertThat(run.get("model").asText()).isEqualTo("lstm"));
            assertThat(json(lstm).get(0).get("config").get("dataset").asText()).startsWith("ds-");

            HttpResponse<String> interrupted = server.get("/api/runs?status=interrupted&limit=500");
            assertThat(total(interrupted)).isEqualTo(Integer.toString(written.byStatus().get(RunStatus.INTERRUPTED)));
            json(interrupted).forEach(run -> {
                assertThat(run.get("status").asText()).isEqualTo("interrupted");
                assertThat(run.get("reason").asText()).contains("the server stopped");
            });

            HttpResponse<String> countOnly = server.get("/api/runs?status=failed,cancelled&limit=0");
            assertThat(json(countOnly)).isEmpty();
            assertThat(total(countOnly)).isEqualTo(Integer.toString(written.byStatus().get(RunStatus.FAILED)
                    + written.byStatus().get(RunStatus.CANCELLED)));
        }
    }

    @Test
    void badListParametersAre400NamingTheParameter() throws Exception {
        seed(3);
        try (TestServer server = TestServer.start(dataDir)) {
            Map<String, String> cases = new LinkedHashMap<>();
            cases.put("model=transformer", "model");
            cases.put("status=finished", "status");
            cases.put("limit=-1", "limit");
            cases.put("limit=501", "limit");
            cases.put("limit=1000000000000", "limit");
            cases.put("limit=lots", "limit");
            cases.put("offset=-1", "offset");
            cases.put("offset=x", "offset");
            for (Map.Entry<String, String> c : cases.entrySet()) {
                HttpResponse<String> response = server.get("/api/runs?" + c.getKey());
                assertThat(response.statusCode()).as(c.getKey()).isEqualTo(400);
                assertThat(json(response).get("field").asText()).as(c.getKey()).isEqualTo(c.getValue());
                assertThat(json(response).get("error").asText()).as(c.getKey()).startsWith(c.getValue() + ":");
            }
        }
    }

    @Test
    void deleteRemovesTheRunAndItsFolderOnly() throws Exception {
        Written written = seed(4);
        String doomed = written.ids().get(1);
        Path runs = dataDir.resolve("runs");
        try (TestServer server = TestServer.start(dataDir)) {
            assertThat(server.delete("/api/runs/" + doomed).statusCode()).isEqualTo(204);
            assertThat(runs.resolve(doomed)).doesNotExist();
            assertThat(server.get("/api/runs/" + doomed).statusCode()).isEqualTo(404);
            assertThat(server.get("/api/runs/" + doomed + "/metrics.csv").statusCode()).isEqualTo(404);
            assertThat(server.delete("/api/runs/" + doomed).statusCode()).isEqualTo(404);
            assertThat(ids(server.get("/api/runs"))).containsExactlyInAnyOrderElementsOf(
                    written.ids().stream().filter(id -> !id.equals(doomed)).toList());
            for (String kept : written.ids()) {
                if (!kept.equals(doomed)) {
                    assertThat(runs.resolve(kept).resolve(RunFolder.RECORD_FILE)).exists();
                    assertThat(runs.resolve(kept).resolve(RunFolder.METRICS_FILE)).exists();
                }
            }
        }
        try (TestServer restarted = TestServer.start(dataDir)) {
            assertThat(total(restarted.get("/api/runs"))).isEqualTo("3");
        }
    }

    @Test
    void metricsCsvDownloadsWithTheRightTypeAndAllEpochs() throws Exception {
        Written written = seed(4);
        String cnn = written.ids().get(0);
        String lstm = written.ids().get(3);
        try (TestServer server = TestServer.start(dataDir)) {
            HttpResponse<String> response = server.get("/api/runs/" + cnn + "/metrics.csv");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                    .isEqualTo("attachment; filename=\"" + cnn + "-metrics.csv\"");
            List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(response.body())).getRecords();
            assertThat(rows).hasSize(1 + 4);
            assertThat(rows.get(0).get(5)).isEqualTo("accuracy");
            assertThat(rows.get(4).get(0)).isEqualTo("4");
            assertThat(rows.get(4).get(8)).isEqualTo(cnn);

            List<CSVRecord> lstmRows = CSVFormat.RFC4180.parse(new StringReader(
                    server.get("/api/runs/" + lstm + "/metrics.csv").body())).getRecords();
            assertThat(lstmRows.get(0).get(7)).isEqualTo("val_mae");
            assertThat(lstmRows.get(1).get(10)).startsWith("ds-");

            assertThat(server.get("/api/runs/20990101-000000-000000/metrics.csv").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void modelDownloadIsAZipOfTheModelFolderAndRunJsonOr404() throws Exception {
        Written written = seed(2);
        String withModel = written.ids().get(0);
        Path model = Files.createDirectories(dataDir.resolve("runs").resolve(withModel).resolve("model"));
        byte[] parameters = new byte[4096];
        new java.util.Random(1).nextBytes(parameters);
        Files.write(model.resolve("cnn-0000.params"), parameters);
        Files.createDirectories(model.resolve(".saving-1"));
        Files.writeString(model.resolve(".saving-1").resolve("cnn-0000.params"), "half");
        try (TestServer server = TestServer.start(dataDir)) {
            HttpResponse<byte[]> response = server.getBytes("/api/runs/" + withModel + "/model");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
            assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                    .contains(withModel + "-model.zip");
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null) {
                    entries.put(entry.getName(), zip.readAllBytes());
                }
            }
            assertThat(entries).containsOnlyKeys(withModel + "/run.json", withModel + "/model/cnn-0000.params");
            assertThat(entries.get(withModel + "/model/cnn-0000.params")).isEqualTo(parameters);
            assertThat(Json.mapper().readTree(entries.get(withModel + "/run.json")).get("id").asText())
                    .isEqualTo(withModel);

            HttpResponse<String> none = server.get("/api/runs/" + written.ids().get(1) + "/model");
            assertThat(none.statusCode()).isEqualTo(404);
            assertThat(json(none).get("error").asText()).contains("no saved model");
            assertThat(server.get("/api/runs/20990101-000000-000000/model").statusCode()).isEqualTo(404);
        }
    }
}
