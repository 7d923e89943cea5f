package deepdash.protocol;

/**
 * The line protocol between a worker process and the server: each message is one stdout line,
 * {@code PREFIX} followed by a JSON object {@code {"type": ..., "data": ...}}. The prefix lets the
 * server ignore anything else a native library prints to stdout.
 *
 * <p>The server takes a worker that sends no line of any kind for too long as stuck and kills it,
 * so a worker never goes quiet for long: {@link #ALIVE} lines cover the phases that report nothing
 * else (start-up, evaluation). A worker that fails sends one {@link #ERROR} line naming the cause
 * before it exits.
 */
public final class WorkerProtocol {

    public static final String PREFIX = "@deepdash ";
    public static final String STARTED = "started";
    public static final String PROGRESS = "progress";
    public static final String EPOCH = "epoch";
    public static final String TESTED = "tested";
    /**
     * A validation or test pass is under way: {@code {"phase": "validating"|"testing", "done": ..., "total": ...}}
     * (examples scored so far and in all); sent when the pass starts and a few times a second while it runs.
     */
    public static final String EVALUATING = "evaluating";
    /** "Still here": {@code {"phase": ...}}, e.g. starting. */
    public static final String ALIVE = "alive";
    /** The worker is about to exit because of a failure: {@code {"message": ...}}. */
    public static final String ERROR = "error";

    private WorkerProtocol() {
    }
}
