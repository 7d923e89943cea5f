package deepdash;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.i18n.Lang;
import deepdash.security.BindAddress;
import deepdash.security.StartupToken;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The server's start-up lines speak the command line's language: {@code --lang}, else the locale. */
class MainConsoleTest {

    private static final BindAddress LOOPBACK = new BindAddress("127.0.0.1");
    private static final StartupToken NO_TOKEN = new StartupToken(null, false);
    private static final Path DATA = Path.of("/tmp/deepdash-data");

    @Test
    void langKoOrAKoreanLocaleMakesTheStartUpLinesKorean() {
        assertThat(lines(Map.of(), "--lang", "ko")).containsExactly("DeepDash가 http://127.0.0.1:7070에서 실행 중입니다",
                "데이터 디렉터리(실행 기록과 업로드): " + DATA);
        assertThat(lines(Map.of("LANG", "ko_KR.UTF-8"))).containsExactly(
                "DeepDash가 http://127.0.0.1:7070에서 실행 중입니다", "데이터 디렉터리(실행 기록과 업로드): " + DATA);
        assertThat(lines(Map.of("LANG", "ko_KR.UTF-8"), "--lang", "en")).containsExactly(
                "DeepDash is running at http://127.0.0.1:7070", "Data directory (runs and uploads): " + DATA);
        assertThat(lines(Map.of())).containsExactly("DeepDash is running at http://127.0.0.1:7070",
                "Data directory (runs and uploads): " + DATA);
    }

    private static List<String> lines(Map<String, String> env, String... args) {
        CommandLine commandLine = Main.commandLine(Lang.EN);
        commandLine.parseArgs(args);
        Main main = commandLine.getCommand();
        return main.consoleLines(LOOPBACK, 7070, NO_TOKEN, List.of(), DATA, env);
    }
}
