package deepdash.protocol;

/**
 * One line that names what went wrong, for a run's {@code reason}: the message of the exception
 * that was thrown (it says what was being done, e.g. "cannot write .../run.json") and the class and
 * message of its root cause (it says why, e.g. "FileSystemException: ...: Read-only file system").
 * Never a stack trace.
 */
public final class FailureMessages {

    private FailureMessages() {
    }

    public static String of(Throwable failure) {
        Throwable root = rootCause(failure);
        String rootText = describe(root);
        if (root == failure) {
            return rootText;
        }
        String top = failure.getMessage();
        if (top == null || top.isBlank()) {
            return failure.getClass().getSimpleName() + " (" + rootText + ")";
        }
        // Wrappers built with new X(cause) repeat the cause's text as their message.
        if (root.getMessage() != null && top.contains(root.getMessage())) {
            return top.contains(root.getClass().getName()) || top.startsWith(root.getClass().getSimpleName())
                    ? top.replace(root.getClass().getName(), root.getClass().getSimpleName())
                    : top + " (" + root.getClass().getSimpleName() + ")";
        }
        return top + " (" + rootText + ")";
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        String name = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        // Bounded: a cause chain with a cycle must not hang the worker on its way out.
        for (int depth = 0; depth < 32 && root.getCause() != null && root.getCause() != root; depth++) {
            root = root.getCause();
        }
        return root;
    }
}
