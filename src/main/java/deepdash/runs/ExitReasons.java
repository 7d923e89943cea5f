package deepdash.runs;

/** Words for how a worker process ended, for the run's {@code reason}. */
final class ExitReasons {

    private ExitReasons() {
    }

    static String describe(int exitCode, String stderrTail) {
        StringBuilder reason = new StringBuilder("the training worker ");
        if (exitCode > 128 && exitCode < 160) {
            int signal = exitCode - 128;
            reason.append("was killed by signal ").append(signal).append(signalName(signal));
        } else {
            reason.append("exited with code ").append(exitCode);
        }
        String lastError = lastErrorLine(stderrTail);
        if (lastError != null) {
            reason.append(": ").append(lastError);
        }
        return reason.toString();
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 9 -> " (SIGKILL: killed, perhaps out of memory)";
            case 11 -> " (SIGSEGV: a native crash)";
            case 6 -> " (SIGABRT: a native abort)";
            case 15 -> " (SIGTERM)";
            default -> "";
        };
    }

    private static String lastErrorLine(String stderrTail) {
        if (stderrTail == null || stderrTail.isBlank()) {
            return null;
        }
        String[] lines = stderrTail.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].startsWith("error: ")) {
                return lines[i].substring("error: ".length());
            }
        }
        return lines[lines.length - 1].strip();
    }
}
