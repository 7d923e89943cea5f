package deepdash.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.Main;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.Progress;
import deepdash.training.LangOption;
import deepdash.training.TextProgressBar;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The command line speaks Korean with {@code --lang ko} or {@code LANG=ko_KR.UTF-8}: its help and its progress bar. */
class CliHelpTest {

    @Test
    void theTrainHelpIsInKoreanWithLangKo() {
        String[] args = {"train", "--lang", "ko", "--help"};
        CommandLine commandLine = Main.commandLine(LangOption.of(args, Map.of()));
        String help = commandLine.getSubcommands().get("train").getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertThat(help).contains("사용법: deepdash train")
                .contains("웹 서버 없이 모델을 학습합니다")
                .contains("배치 크기 (기본값 32)")
                .contains("Adam 학습률")
                .contains("val_loss가 N 에포크 동안")
                .contains("이 도움말을 보여 주고 끝냅니다")
                .doesNotContain("Batch size")
                .doesNotContain("Train a model without the web server");
    }

    @Test
    void theServerHelpFollowsLangFromTheEnvironment() {
        Lang lang = LangOption.of(new String[] {"--help"}, Map.of("LANG", "ko_KR.UTF-8"));
        String help = Main.commandLine(lang).getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertThat(lang).isEqualTo(Lang.KO);
        assertThat(help).contains("사용법: deepdash").contains("포트 (환경 변수 DEEPDASH_PORT, 기본값 7070)")
                .contains("명령:").doesNotContain("Interface to bind");
    }

    @Test
    void englishStaysTheDefaultAndLangEnWinsOverTheEnvironment() {
        assertThat(LangOption.of(new String[] {"train", "--help"}, Map.of())).isEqualTo(Lang.EN);
        assertThat(LangOption.of(new String[] {"train", "--lang=en"}, Map.of("LANG", "ko_KR.UTF-8")))
                .isEqualTo(Lang.EN);
        assertThat(LangOption.of(new String[] {"train"}, Map.of("LANG", "ko_KR.UTF-8", "LC_ALL", "C")))
                .isEqualTo(Lang.EN);
        String help = Main.commandLine(Lang.EN).getSubcommands().get("train")
                .getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertThat(help).contains("Usage: deepdash train").contains("Batch size (default 32)");
    }

    @Test
    void anUnknownLanguageIsRefusedByName() {
        CommandLine commandLine = Main.commandLine(Lang.EN);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        commandLine.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        int code = commandLine.execute("train", "--lang", "fr", "--help");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("expected en or ko, got 'fr'");
    }

    @Test
    void everyOptionOfEveryCommandHasItsKoreanHelp() {
        ResourceBundle korean = ResourceBundle.getBundle(Main.CLI_BUNDLE, Locale.KOREAN,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<String> missing = new ArrayList<>();
        List<CommandSpec> commands = new ArrayList<>();
        CommandLine root = Main.commandLine(Lang.EN);
        commands.add(root.getCommandSpec());
        root.getSubcommands().values().forEach(sub -> commands.add(sub.getCommandSpec()));
        for (CommandSpec command : commands) {
            String prefix = command.qualifiedName(".") + ".";
            if (!korean.containsKey(prefix + "usage.description")) {
                missing.add(prefix + "usage.description");
            }
            for (OptionSpec option : command.options()) {
                if (option.usageHelp() || option.versionHelp()) {
                    continue;
                }
                String key = prefix + option.longestName().replaceFirst("^-+", "");
                if (!korean.containsKey(key)) {
                    missing.add(key);
                }
            }
        }
        assertThat(missing).as("options without Korean help in i18n/cli_ko.properties").isEmpty();
    }

    @Test
    void theProgressBarSpeaksKoreanWithTheSameNumbers() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TextProgressBar bar = new TextProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Messages.KOREAN);
        bar.started("cpu()", 3, 100, 6000, 1000);
        bar.progress(new Progress(1, 3, 50, 100, 0.12345, 75));
        bar.epoch(new EpochMetrics(1, 0.1, 0.97, null, 0.2, 0.96, null, 12.34, 5000.0, 12.34));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("cpu()에서 학습합니다: 에포크 3번, 학습 샘플 6000개, 검증 샘플 1000개")
                .contains("에포크 1/3    50/100 [")
                .contains("loss 0.1235")
                .contains("남은 시간 1m15s")
                .contains("에포크 1: 12.3초, 초당 샘플 5000개, loss 0.1000")
                .contains("val_loss 0.2000");
    }
}
