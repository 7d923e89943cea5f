package deepdash.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What Main decides and prints at start-up, for each kind of address. */
class StartupMessageTest {

    static final BindAddress LOOPBACK = new BindAddress("127.0.0.1");
    static final BindAddress ALL = new BindAddress("0.0.0.0");
    /** TEST-NET-1: never contacted, only parsed. */
    static final BindAddress LAN = new BindAddress("192.0.2.10");

    @Test
    void loopbackNamesAndOthersAreToldApart() {
        for (String host : List.of("127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]")) {
            assertThat(new BindAddress(host).isLoopback()).as(host).isTrue();
        }
        for (String host : List.of("0.0.0.0", "::", "192.0.2.10", "203.0.113.1")) {
            assertThat(new BindAddress(host).isLoopback()).as(host).isFalse();
        }
        assertThat(ALL.isWildcard()).isTrue();
        assertThat(new BindAddress("::").isWildcard()).isTrue();
        assertThat(LOOPBACK.isWildcard()).isFalse();
        assertThat(new BindAddress("::1").urlHost()).isEqualTo("[::1]");
    }

    @Test
    void aTokenIsGeneratedOnlyBeyondLoopbackAndOnlyWhenNoneIsGiven() {
        assertThat(StartupToken.decide(LOOPBACK, null)).isEqualTo(new StartupToken(null, false));
        assertThat(StartupToken.decide(LOOPBACK, "  ")).isEqualTo(new StartupToken(null, false));
        assertThat(StartupToken.decide(LOOPBACK, "mine")).isEqualTo(new StartupToken("mine", false));
        assertThat(StartupToken.decide(ALL, "mine")).isEqualTo(new StartupToken("mine", false));
        StartupToken generated = StartupToken.decide(ALL, null);
        assertThat(generated.generated()).isTrue();
        assertThat(generated.token()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(StartupToken.decide(LAN, null).generated()).isTrue();
        assertThat(StartupToken.decide(ALL, null).token()).isNotEqualTo(generated.token());
    }

    @Test
    void loopbackPrintsOneLineAndNoWarning() {
        assertThat(StartupMessage.lines(LOOPBACK, 7070, new StartupToken(null, false), List.of()))
                .containsExactly("DeepDash is running at http://127.0.0.1:7070");
        assertThat(StartupMessage.lines(new BindAddress("::1"), 7070, new StartupToken(null, false), List.of()))
                .containsExactly("DeepDash is running at http://[::1]:7070");
    }

    @Test
    void allInterfacesWarnsSaysSoAndPrintsTheTokenUrlOnce() {
        List<String> lines = StartupMessage.lines(ALL, 7070, new StartupToken("tok123", true),
                List.of("192.0.2.10", "198.51.100.7", "203.0.113.1", "203.0.113.2"));
        assertThat(lines.get(0)).startsWith("WARNING").contains("all network interfaces (0.0.0.0)");
        assertThat(lines.get(1)).startsWith("DeepDash is running at http://127.0.0.1:7070 (bound to 0.0.0.0")
                .contains("http://192.0.2.10:7070", "http://203.0.113.1:7070").doesNotContain("203.0.113.2");
        assertThat(lines).filteredOn(line -> line.contains("tok123")).singleElement().asString()
                .endsWith("http://127.0.0.1:7070/?token=tok123");
    }

    @Test
    void aGivenTokenIsNotPrinted() {
        List<String> lines = StartupMessage.lines(LAN, 8080, new StartupToken("given-secret", false), List.of());
        assertThat(lines.get(0)).startsWith("WARNING").contains("192.0.2.10");
        assertThat(lines.get(1)).isEqualTo("DeepDash is running at http://192.0.2.10:8080");
        assertThat(String.join("\n", lines)).doesNotContain("given-secret").contains("?token=<your token>");
    }

    @Test
    void theLinesFollowTheCommandLinesLanguage() {
        List<String> lines = StartupMessage.lines(ALL, 7070, new StartupToken("tok123", true),
                List.of("192.0.2.10", "198.51.100.7"), deepdash.i18n.Messages.KOREAN);
        assertThat(lines.get(0)).startsWith("경고: DeepDash가 모든 네트워크 인터페이스(0.0.0.0)에서");
        assertThat(lines.get(1)).isEqualTo("DeepDash가 http://127.0.0.1:7070에서 실행 중입니다 (0.0.0.0에 바인딩, "
                + "모든 인터페이스. 다른 컴퓨터에서는 http://192.0.2.10:7070 또는 http://198.51.100.7:7070)");
        assertThat(lines.get(2)).startsWith("이 URL을 브라우저에서 한 번 여세요")
                .endsWith("http://127.0.0.1:7070/?token=tok123");
        assertThat(StartupMessage.lines(LOOPBACK, 7070, new StartupToken(null, false), List.of(),
                deepdash.i18n.Messages.KOREAN)).containsExactly("DeepDash가 http://127.0.0.1:7070에서 실행 중입니다");
        assertThat(String.join("\n", StartupMessage.lines(LAN, 8080, new StartupToken("given-secret", false),
                List.of(), deepdash.i18n.Messages.KOREAN))).contains("?token=<토큰>").doesNotContain("given-secret",
                "WARNING", "running at");
    }

    @Test
    void settingsBeyondLoopbackWithoutATokenCannotBeMade() {
        assertThatThrownBy(() -> new AccessSettings("0.0.0.0", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.0.0.0");
        assertThatThrownBy(() -> new AccessSettings("192.0.2.10", List.of(), " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new AccessSettings("0.0.0.0", List.of(), "t").tokenRequired()).isTrue();
        assertThat(new AccessSettings("127.0.0.1", null, null).tokenRequired()).isFalse();
    }
}
