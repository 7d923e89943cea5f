package deepdash.runs;

import deepdash.i18n.Text;
import java.util.regex.Pattern;

/**
 * Words for how a worker process ended, for the run's {@code reason}. In order of preference: the
 * message of the worker's own {@code error} line (it names the exception and its root cause); else
 * the signal that killed it; else the exit code and the last line of its stderr that says something.
 * Stack frames, "... 11 more", the MXNet start-up banner and log lines below ERROR say nothing and
 * are skipped ({@link #isNoise}).
 */
final class ExitReasons {

    /** {@code [main] WARN ai.djl.util.cuda.CudaUtils - ...}: slf4j-simple lines below ERROR. */
    private static final Pattern QUIET_LOG = Pattern.compile("^\\[[^\\]]+\\] (TRACE|DEBUG|INFO|WARN) .*");
    /** {@code [01:08:13] ../src/engine/engine.cc:55: MXNet start using engine: NaiveEngine}. */
    private static final Pattern MXNET_LOG = Pattern.compile("^\\[\\d{2}:\\d{2}:\\d{2}\\] .*");
    private static final Pattern STACK_FRAME = Pattern.compile(
            "^\\s+at .*|^\\s*\\.\\.\\. \\d+ (more|common frames omitted)$");
    private static final String CAUSED_BY = "Caused by: ";
    private static final Pattern UNCAUGHT = Pattern.compile("^Exception in thread \"[^\"]*\" ");

    private ExitReasons() {
    }

    /**
     * @param workerError the message of the worker's {@code error} line, or null if it sent none
     * @param stderrTail the last lines of its stderr (noise may already be left out)
     */
    static Text describe(int exitCode, String workerError, String stderrTail) {
        if (workerError != null && !workerError.isBlank()) {
            return Text.of("run.reason.worker_error", workerError.strip());
        }
        Text exit;
        if (exitCode > 128 && exitCode < 160) {
            int signal = exitCode - 128;
            exit = switch (signal) {
                case 9 -> Text.of("run.reason.killed_sigkill");
                case 11 -> Text.of("run.reason.killed_sigsegv");
                case 6 -> Text.of("run.reason.killed_sigabrt");
                case 15 -> Text.of("run.reason.killed_sigterm");
                default -> Text.of("run.reason.killed", signal);
            };
        } else {
            exit = Text.of("run.reason.exited", exitCode);
        }
        String lastError = lastErrorLine(stderrTail);
        return lastError == null ? exit : Text.of("run.reason.with_detail", exit, lastError);
    }

    /** A stderr line that cannot be a failure reason. */
    static boolean isNoise(String line) {
        return line.isBlank()
                || STACK_FRAME.matcher(line).matches()
                || line.startsWith("SLF4J:")
                || line.startsWith("Picked up JAVA_TOOL_OPTIONS")
                || line.startsWith("Picked up _JAVA_OPTIONS")
                || QUIET_LOG.matcher(line).matches()
                || (MXNET_LOG.matcher(line).matches() && !line.contains("rror") && !line.contains("failed"));
    }

    /**
     * The line that best names the failure: our own {@code error: } line; else the root cause of
     * the last stack trace ("Caused by: ..."); else its first line; else the last line that is not
     * noise.
     */
    private static String lastErrorLine(String stderrTail) {
        if (stderrTail == null || stderrTail.isBlank()) {
            return null;
        }
        String[] lines = stderrTail.strip().split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].startsWith("error: ")) {
                return lines[i].substring("error: ".length()).strip();
            }
        }
        String exception = null;
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i];
            if (line.startsWith(CAUSED_BY)) {
                return line.substring(CAUSED_BY.length()).strip();
            }
            if (UNCAUGHT.matcher(line).find()) {
                exception = UNCAUGHT.matcher(line).replaceFirst("").strip();
                break;
            }
        }
        if (exception != null) {
            return exception;
        }
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!isNoise(lines[i])) {
                return lines[i].strip();
            }
        }
        return null;
    }
}
