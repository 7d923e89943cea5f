package deepdash.protocol;

/**
 * The line protocol between a worker process and the server: each message is one stdout line,
 * {@code PREFIX} followed by a JSON object {@code {"type": ..., "data": ...}}. The prefix lets the
 * server ignore anything else a native library prints to stdout.
 */
public final class WorkerProtocol {

    public static final String PREFIX = "@deepdash ";
    public static final String STARTED = "started";
    public static final String PROGRESS = "progress";
    public static final String EPOCH = "epoch";
    public static final String TESTED = "tested";

    private WorkerProtocol() {
    }
}
