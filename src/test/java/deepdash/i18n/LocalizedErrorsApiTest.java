package deepdash.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.json.Json;
import deepdash.support.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * API errors keep a stable {@code code} and {@code field} in every language; {@code error} follows
 * Accept-Language, the {@code lang} cookie and the {@code ?lang=} switch.
 */
class LocalizedErrorsApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void aSettingOutOfRangeIsWordedInKoreanWithTheSameCodeAndField() throws Exception {
        HttpResponse<String> korean = post("/api/runs", "{\"model\":\"cnn\",\"epochs\":0}", "ko-KR,ko;q=0.9,en;q=0.5",
                null);
        HttpResponse<String> english = post("/api/runs", "{\"model\":\"cnn\",\"epochs\":0}", "en-US", null);

        assertThat(korean.statusCode()).isEqualTo(400);
        JsonNode ko = Json.mapper().readTree(korean.body());
        JsonNode en = Json.mapper().readTree(english.body());
        assertThat(ko.get("code").asText()).isEqualTo("settings.out_of_range").isEqualTo(en.get("code").asText());
        assertThat(ko.get("field").asText()).isEqualTo("epochs").isEqualTo(en.get("field").asText());
        assertThat(ko.get("error").asText()).isEqualTo("epochs: 1에서 1000 사이여야 합니다. 입력한 값: 0");
        assertThat(en.get("error").asText()).isEqualTo("epochs: must be between 1 and 1000, got 0");
        assertThat(korean.headers().firstValue("Content-Type").orElse("")).contains("json");
    }

    @Test
    void aMissingRunIsA404WithItsCodeInKorean() throws Exception {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/api/runs/20990101-000000-ffffff"))
                .header("Accept-Language", "ko").GET().build());

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body.get("code").asText()).isEqualTo("run.not_found");
        assertThat(body.get("field").asText()).isEqualTo("id");
        assertThat(body.get("error").asText()).isEqualTo("ID가 \"20990101-000000-ffffff\"인 실행이 없습니다");
    }

    @Test
    void theCookieWinsOverTheHeaderAndAnUnconvertedErrorStillHasACode() throws Exception {
        HttpResponse<String> response = post("/api/runs", "{\"model\":\"cnn\",\"epochs\":0}", "en", "lang=ko");
        assertThat(Json.mapper().readTree(response.body()).get("error").asText()).startsWith("epochs: 1에서 1000");

        HttpResponse<String> unknownField = post("/api/runs", "{\"model\":\"cnn\",\"epoch\":3}", "ko", null);
        JsonNode body = Json.mapper().readTree(unknownField.body());
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(body.get("code").asText()).isEqualTo("settings.unknown_field");
        assertThat(body.get("field").asText()).isEqualTo("epoch");
        assertThat(body.get("error").asText()).startsWith("epoch: 알 수 없는 필드입니다. cnn 모델의 설정이 아닙니다")
                .contains("\"epochs\"을(를) 쓰려던 건가요?");
    }

    @Test
    void theLangSwitchSetsTheCookieAndThePageSpeaksIt() {
        HttpResponse<String> page = server.send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/forecast?lang=ko")).header("Accept-Language", "en").GET().build());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("lang=ko").contains("Path=/").containsIgnoringCase("SameSite=Lax"));
        assertThat(page.body()).contains("순환 신경망으로 일별 가격 예측하기").doesNotContain("Forecasting daily prices");
    }

    private static HttpResponse<String> post(String path, String json, String acceptLanguage, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/json").header("Accept-Language", acceptLanguage)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return server.send(request.build());
    }
}
