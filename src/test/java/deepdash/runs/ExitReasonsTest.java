package deepdash.runs;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.i18n.Messages;
import deepdash.i18n.Text;
import deepdash.json.Json;
import deepdash.protocol.FailureMessages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Failure reasons name the cause, never a banner or a stack frame count. The stderr tail here is a
 * real one: a worker before this fix whose run folder was made immutable ({@code chattr +i}) after
 * its first epoch, paths shortened.
 */
class ExitReasonsTest {

    static final String DJL_AND_MXNET_BANNER = """
            [main] WARN ai.djl.util.cuda.CudaUtils - Failed to detect GPU count: CUDA driver version is insufficient \
            for CUDA runtime version (35)
            [main] WARN ai.djl.util.cuda.CudaUtils - Failed to detect GPU count: CUDA driver version is insufficient \
            for CUDA runtime version (35)
            [01:08:13] ../src/engine/engine.cc:55: MXNet start using engine: NaiveEngine
            """;

    static List<String> realTail() throws IOException {
        try (InputStream in = ExitReasonsTest.class.getResourceAsStream("worker-stderr-unwritable-folder.txt")) {
            return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    /** What the old supervisor kept: the last 20 lines, whatever they were. */
    static String lastLines(List<String> lines, int count) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    /** What the supervisor keeps now: the lines that are not noise. */
    static String withoutNoise(List<String> lines) {
        return lines.stream().filter(l -> !ExitReasons.isNoise(l)).collect(Collectors.joining("\n"));
    }

    @Test
    void theRealTailThatGaveElevenMoreNowGivesTheRootCause() throws IOException {
        String oldTail = lastLines(realTail(), 20);
        assertThat(oldTail).endsWith("... 11 more");

        String reason = describe(1, null, oldTail);

        assertThat(reason).isEqualTo("the training worker exited with code 1: java.nio.file.FileSystemException: "
                + "/data/runs/20261202-010810-0c7d8b/.run.json.13646755605080879153.tmp: Operation not permitted");
    }

    @Test
    void theSameTailWithoutItsNoiseGivesTheWorkersOwnErrorLine() throws IOException {
        String kept = withoutNoise(realTail());
        assertThat(kept).doesNotContain("\tat ", "more", "CudaUtils", "MXNet start");

        assertThat(describe(1, null, kept)).isEqualTo(
                "the training worker exited with code 1: cannot write /data/runs/20261202-010810-0c7d8b/run.json");
    }

    @Test
    void theWorkersErrorLineWinsOverStderrAndTheExitCode() throws IOException {
        String message = "cannot write /data/runs/x/run.json (FileSystemException: /data/runs/x/.run.json.1.tmp: "
                + "Read-only file system)";
        assertThat(describe(1, message, lastLines(realTail(), 20))).isEqualTo(message);
    }

    @Test
    void aKilledWorkerIsDescribedByItsSignalNotByTheBanner() {
        String reason = describe(137, null, DJL_AND_MXNET_BANNER);
        assertThat(reason).isEqualTo("the training worker was killed by signal 9 (SIGKILL), for example by the "
                + "system running out of memory");
        assertThat(describe(139, null, "")).contains("signal 11 (SIGSEGV: a native crash)");
    }

    @Test
    void anUncaughtErrorWithoutACauseIsNamedByItsFirstLine() {
        String tail = DJL_AND_MXNET_BANNER + """
                Exception in thread "main" java.lang.OutOfMemoryError: Java heap space
                \tat deepdash.mnist.IdxImages.read(IdxImages.java:41)
                \tat deepdash.mnist.MnistData.load(MnistData.java:30)
                """;
        assertThat(describe(1, null, tail))
                .isEqualTo("the training worker exited with code 1: java.lang.OutOfMemoryError: Java heap space");
    }

    @Test
    void withNothingButNoiseOnlyTheExitCodeIsLeft() {
        String tail = DJL_AND_MXNET_BANNER + "SLF4J: No SLF4J providers were found.\n\t... 4 more\n";
        assertThat(describe(3, null, tail)).isEqualTo("the training worker exited with code 3");
        assertThat(describe(3, null, null)).isEqualTo("the training worker exited with code 3");
        assertThat(describe(2, "  ", "error: settings are wrong"))
                .isEqualTo("the training worker exited with code 2: settings are wrong");
    }

    @Test
    void aPlainLastLineIsKept() {
        String tail = DJL_AND_MXNET_BANNER + "deepdash worker: the server is gone; stopping";
        assertThat(describe(3, null, tail))
                .isEqualTo("the training worker exited with code 3: deepdash worker: the server is gone; stopping");
    }

    @Test
    void noiseIsFramesCountsBannersAndQuietLogLinesButNotErrors() {
        assertThat(List.of("\tat java.base/java.nio.file.Files.createFile(Files.java:658)", "\t... 11 more",
                "    ... 2 common frames omitted", "", "SLF4J: Defaulting to no-operation logger",
                "[main] INFO ai.djl.mxnet.jna.LibUtils - Downloading libmxnet.so",
                "[main] WARN ai.djl.util.cuda.CudaUtils - Failed to detect GPU count",
                "[01:08:13] ../src/engine/engine.cc:55: MXNet start using engine: NaiveEngine",
                "Picked up JAVA_TOOL_OPTIONS: -Xss2m"))
                .allMatch(ExitReasons::isNoise);
        assertThat(List.of("error: cannot write run.json", "Caused by: java.io.IOException: No space left on device",
                "[main] ERROR deepdash.Something - broken",
                "[01:08:13] ../src/operator/nn/convolution.cc:120: Check failed: dshape.ndim() == 4",
                "java.lang.IllegalStateException: boom"))
                .noneMatch(ExitReasons::isNoise);
    }

    @Test
    void failureMessagesSayWhatWasBeingDoneAndTheRootCause() {
        UncheckedIOException write = new UncheckedIOException("cannot write /r/run.json",
                new FileSystemException("/r/.run.json.1.tmp", null, "Read-only file system"));
        assertThat(FailureMessages.of(write)).isEqualTo(
                "cannot write /r/run.json (FileSystemException: /r/.run.json.1.tmp: Read-only file system)");
        assertThat(FailureMessages.of(new IllegalStateException("boom"))).isEqualTo("IllegalStateException: boom");
        assertThat(FailureMessages.of(new OutOfMemoryError())).isEqualTo("OutOfMemoryError");
        // new RuntimeException(cause) copies the cause's text into its message: say it once.
        assertThat(FailureMessages.of(new RuntimeException(new IOException("disk gone"))))
                .isEqualTo("IOException: disk gone");
        IllegalStateException a = new IllegalStateException("a");
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b);
        assertThat(FailureMessages.of(b)).as("a cause cycle ends").contains("IllegalStateException");
    }

    @Test
    void theServersOwnWordsReadInKoreanAndSurviveTheTripThroughRunJson() throws IOException {
        Text reason = ExitReasons.describe(137, null, "error: out of memory while training");
        // run.json keeps the reason as {"key", "args"}, the nested exit part included.
        Text readBack = Json.mapper().readValue(Json.write(reason), Text.class);

        assertThat(Messages.ENGLISH.format(readBack)).isEqualTo("the training worker was killed by signal 9 (SIGKILL), "
                + "for example by the system running out of memory: out of memory while training");
        assertThat(Messages.KOREAN.format(readBack)).startsWith("학습 워커가 시그널 9(SIGKILL)로 종료되었습니다")
                .endsWith(": out of memory while training");
        assertThat(Messages.KOREAN.format(ExitReasons.describe(3, "java.lang.OutOfMemoryError: Java heap space", null)))
                .as("the worker's own message is shown as written").isEqualTo("java.lang.OutOfMemoryError: Java heap space");
    }

    private static String describe(int exitCode, String workerError, String stderrTail) {
        return Messages.ENGLISH.format(ExitReasons.describe(exitCode, workerError, stderrTail));
    }
}
