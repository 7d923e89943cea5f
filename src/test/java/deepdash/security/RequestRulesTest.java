package deepdash.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parsing and matching under the request checks, without a server. */
class RequestRulesTest {

    @Test
    void authoritiesParseWithDefaultPortsAndBrackets() {
        assertThat(Authority.parse("LocalHost:7070", 80)).isEqualTo(new Authority("localhost", 7070));
        assertThat(Authority.parse("example.org", 80)).isEqualTo(new Authority("example.org", 80));
        assertThat(Authority.parse("[::1]:7070", 80)).isEqualTo(new Authority("[::1]", 7070));
        assertThat(Authority.parse("[::1]", 443)).isEqualTo(new Authority("[::1]", 443));
        for (String bad : List.of("", ":80", "a:b", "a:1:2", "[::1", "[::1]x", "h:0", "h:70000")) {
            assertThat(Authority.parse(bad, 80)).as(bad).isNull();
        }
        assertThat(Authority.ofUrl("https://Example.org/x?y")).isEqualTo(new Authority("example.org", 443));
        assertThat(Authority.ofUrl("http://127.0.0.1:7070/cnn")).isEqualTo(new Authority("127.0.0.1", 7070));
        for (String notHttp : List.of("null", "file:///etc/passwd", "data:text/html,x", "http://u@h:1/", "::")) {
            assertThat(Authority.ofUrl(notHttp)).as(notHttp).isNull();
        }
    }

    @Test
    void builtInHostsNeedThePortAddedOnesDoNot() {
        HostCheck check = new HostCheck(new AccessSettings("127.0.0.1", List.of("Dash.LAN"), null));
        assertThat(check.allows("localhost:7070", 7070)).isTrue();
        assertThat(check.allows("[::1]:7070", 7070)).isTrue();
        assertThat(check.allows("127.0.0.1:7071", 7070)).isFalse();
        assertThat(check.allows("127.0.0.1", 7070)).as("no port: this one").isTrue();
        assertThat(check.allows("evil.example", 7070)).isFalse();
        assertThat(check.allows("evil.example:7070", 7070)).isFalse();
        assertThat(check.allows("dash.lan:8443", 7070)).isTrue();
        assertThat(check.allows("dash.lan", 7070)).isTrue();
        assertThat(check.allows("dash.lan.evil.example:7070", 7070)).isFalse();
    }

    @Test
    void anOriginIsTheSameOnlyWithTheSameNameAndPort() {
        assertThat(OriginCheck.sameOrigin("http://127.0.0.1:7070", "127.0.0.1:7070")).isTrue();
        assertThat(OriginCheck.sameOrigin("http://127.0.0.1:7070/runs?x=1", "127.0.0.1:7070")).isTrue();
        assertThat(OriginCheck.sameOrigin("https://dash.example", "dash.example")).isTrue();
        assertThat(OriginCheck.sameOrigin("http://dash.example", "dash.example:80")).isTrue();
        assertThat(OriginCheck.sameOrigin("http://localhost:7070", "127.0.0.1:7070")).isFalse();
        assertThat(OriginCheck.sameOrigin("http://127.0.0.1:7071", "127.0.0.1:7070")).isFalse();
        assertThat(OriginCheck.sameOrigin("null", "127.0.0.1:7070")).isFalse();
        assertThat(OriginCheck.sameOrigin("http://127.0.0.1:7070", null)).isFalse();
    }

    @Test
    void theTokenLeavesTheRedirectAndTheRedirectStaysHere() {
        assertThat(TokenGuard.withoutToken("/", "token=abc")).isEqualTo("/");
        assertThat(TokenGuard.withoutToken("/runs", "model=cnn&token=abc&status=failed"))
                .isEqualTo("/runs?model=cnn&status=failed");
        assertThat(TokenGuard.withoutToken("/runs", "%74oken=abc")).isEqualTo("/runs");
        assertThat(TokenGuard.withoutToken("//evil.example/x", "token=abc")).isEqualTo("/evil.example/x");
        assertThat(TokenGuard.withoutToken("/cnn", null)).isEqualTo("/cnn");
    }

    @Test
    void textTypesGainUtf8AndOthersAreLeftAlone() {
        assertThat(TextCharsetFilter.withCharset("text/html")).isEqualTo("text/html; charset=utf-8");
        assertThat(TextCharsetFilter.withCharset("text/event-stream")).isEqualTo("text/event-stream; charset=utf-8");
        assertThat(TextCharsetFilter.withCharset("text/csv; charset=utf-8")).isEqualTo("text/csv; charset=utf-8");
        assertThat(TextCharsetFilter.withCharset("application/json")).isEqualTo("application/json");
        assertThat(TextCharsetFilter.withCharset("image/png")).isEqualTo("image/png");
        assertThat(TextCharsetFilter.withCharset(null)).isNull();
    }
}
