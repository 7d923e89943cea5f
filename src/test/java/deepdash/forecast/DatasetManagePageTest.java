package deepdash.forecast;

import static deepdash.support.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import deepdash.support.Multipart;
import deepdash.support.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Forecast page's dataset panel renames and deletes a dataset over htmx, and never the sample. */
class DatasetManagePageTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    static HttpResponse<String> htmx(String method, String path, String form) {
        return server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("HX-Request", "true").header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(form)).build());
    }

    @Test
    void thePanelRenamesAndDeletesAnUpload() throws Exception {
        String id = json(server.send(Multipart.upload(server.baseUrl() + "/api/datasets", "file", "upload.csv",
                ForecastApiTest.sampleCsv()))).get("id").asText();
        String panel = server.get("/ui/forecast/dataset?id=" + id).body();
        assertThat(panel).contains("hx-patch=\"/ui/forecast/datasets/" + id + "\"",
                "hx-delete=\"/ui/forecast/datasets/" + id + "\"");
        assertThat(server.get("/ui/forecast/dataset?id=sample-synthetic").body())
                .contains("The bundled sample cannot be deleted").doesNotContain("hx-delete=");

        HttpResponse<String> renamed = htmx("PATCH", "/ui/forecast/datasets/" + id, "name=AMZN+2015-2023");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.body()).contains("<strong>AMZN 2015-2023</strong>");

        HttpResponse<String> deleted = htmx("DELETE", "/ui/forecast/datasets/" + id, null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.body()).contains("data-dataset-id=\"sample-synthetic\"").doesNotContain(id);
        assertThat(server.get("/api/datasets/" + id).statusCode()).isEqualTo(404);
        assertThat(htmx("DELETE", "/ui/forecast/datasets/" + id, null).statusCode()).isEqualTo(404);
        assertThat(htmx("DELETE", "/ui/forecast/datasets/sample-synthetic", null).statusCode()).isEqualTo(409);
        assertThat(htmx("PATCH", "/ui/forecast/datasets/sample-synthetic", "name=").statusCode()).isEqualTo(400);
    }

    @Test
    void theSkippedRowsAreListedInThePagesLanguageAndTheApiKeepsItsEnglish() throws Exception {
        StringBuilder csv = new StringBuilder("Date,Close\n");
        java.time.LocalDate day = java.time.LocalDate.of(2023, 1, 2);
        for (int i = 0; i < 40; i++) {
            csv.append(day.plusDays(i)).append(',').append(100 + i).append('\n');
        }
        csv.append("2023-03-01,oops\n").append("someday,1\n");
        String id = json(server.send(Multipart.upload(server.baseUrl() + "/api/datasets", "file", "skips.csv",
                csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))).get("id").asText();

        assertThat(server.get("/ui/forecast/dataset?id=" + id + "&lang=ko").body())
                .contains("<li>42번째 줄, Close 열: 'oops'은(는) 숫자가 아닙니다</li>",
                        "<li>43번째 줄, Date 열: 'someday'은(는) 날짜가 아닙니다 (YYYY-MM-DD 또는 M/D/YYYY 형식이어야 "
                                + "합니다)</li>")
                .doesNotContain("is not a number");
        assertThat(server.get("/ui/forecast/dataset?id=" + id + "&lang=en").body())
                .contains("<li>line 42, column Close: 'oops' is not a number</li>");
        assertThat(json(server.get("/api/datasets/" + id)).get("skipped").get("examples").get(0).asText())
                .isEqualTo("line 42, column Close: 'oops' is not a number");
    }
}
