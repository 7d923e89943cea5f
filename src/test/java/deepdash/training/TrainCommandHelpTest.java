package deepdash.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deepdash train --help} as a person runs it, in its own JVM: picocli formats every
 * description with {@code String.format}, so a bare {@code %} prints "[picocli WARN]" lines on
 * stderr. A separate process, because picocli's tracer keeps the {@code System.err} it first saw.
 */
@Timeout(60)
class TrainCommandHelpTest {

    @TempDir
    Path dir;

    record Output(int exitCode, String out, String err) {
    }

    private Output run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "deepdash.Main"));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(50, TimeUnit.SECONDS)).as("the help returns").isTrue();
        return new Output(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theTrainHelpPrintsNoWarning() throws Exception {
        Output help = run("train", "--help");

        assertThat(help.exitCode()).as(help.err()).isZero();
        // The escaped "%%" comes out as one percent sign, and nothing complains about it.
        assertThat(help.out()).contains("Usage: deepdash train", "--split-date", "80%)").doesNotContain("80%%");
        assertThat(help.out() + help.err()).doesNotContainIgnoringCase("warn").doesNotContain("[picocli");
        assertThat(help.err()).isBlank();
    }

    @Test
    void theServerHelpPrintsNoWarningEither() throws Exception {
        Output help = run("--help");

        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).contains("Usage: deepdash");
        assertThat(help.out() + help.err()).doesNotContainIgnoringCase("warn").doesNotContain("[picocli");
    }
}
