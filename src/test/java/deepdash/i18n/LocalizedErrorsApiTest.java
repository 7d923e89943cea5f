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
    void anUnknownModelIsA404NamingTheModelsInKorean() throws Exception {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/api/models/resnet/summary"))
                .header("Accept-Language", "ko").GET().build());

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body.get("code").asText()).isEqualTo("model.not_found");
        assertThat(body.get("field").asText()).isEqualTo("name");
        assertThat(body.get("error").asText()).startsWith("\"resnet\"(이)라는 모델이 없습니다. 모델은 ")
                .contains("cnn", "lstm");
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

    @Test
    void anAddressNoRouteTakesIsAnsweredByTheAppInTheReadersLanguage() throws Exception {
        HttpResponse<String> api = server.send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/api/no-such-thing")).header("Accept-Language", "ko").GET().build());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("json");
        JsonNode body = Json.mapper().readTree(api.body());
        assertThat(body.get("code").asText()).isEqualTo("not_found");
        assertThat(body.get("error").asText())
                .isEqualTo("여기에는 아무것도 없습니다. GET /api/no-such-thing에 응답하는 페이지나 API 엔드포인트가 없습니다");

        HttpResponse<String> english = server.send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/api/no-such-thing")).header("Accept-Language", "en").GET().build());
        assertThat(Json.mapper().readTree(english.body()).get("error").asText())
                .isEqualTo("nothing here: no page or API endpoint answers GET /api/no-such-thing");

        // Outside the API an unknown address is a page, even for a client that did not ask for HTML.
        HttpResponse<String> page = server.send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/no-such-page")).header("Accept-Language", "ko").GET().build());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).contains("text/html");
        assertThat(page.body()).contains("<html lang=\"ko\"", "찾을 수 없습니다", "GET /no-such-page에 응답하는")
                .doesNotContain("Endpoint GET");

        // A method no route takes at a known address is Javalin's 404 too, worded the same way.
        HttpResponse<String> method = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/runs"))
                .header("Accept-Language", "ko").method("PATCH", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(method.statusCode()).isIn(404, 405);
        assertThat(Json.mapper().readTree(method.body()).get("error").asText()).contains("PATCH /api/runs")
                .doesNotContain("Endpoint");
    }

    @Test
    void a405NamesTheMethodsTheAddressTakesInKorean() {
        io.javalin.http.MethodNotAllowedResponse refused = new io.javalin.http.MethodNotAllowedResponse(
                "Method not allowed", java.util.Map.of("availableMethods", "GET, POST"));
        assertThat(deepdash.web.ErrorMapping.noRouteMessage(refused, "PATCH", "/api/runs", Messages.KOREAN))
                .isEqualTo("/api/runs에는 PATCH 요청을 보낼 수 없습니다. 받는 메서드: GET, POST");
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
