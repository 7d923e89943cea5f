package deepdash.events;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One server-sent event: its id (increasing within a topic), its name and its JSON data.
 *
 * <p>The data may be given as a supplier: the runs read at start-up retain ten thousand epoch
 * events for a thousand runs, and almost none is ever sent, so each is written as JSON only when
 * a client first asks for it. The frame (the event as the stream's bytes) is likewise made once,
 * on the first send, and then written as is to every client.
 */
public final class StreamEvent {

    private final long id;
    private final String name;
    private final boolean retained;
    private final boolean terminal;
    private Supplier<String> source;
    private volatile String data;
    private volatile byte[] frame;

    /**
     * @param retained whether late subscribers get it replayed (epochs and statuses are; progress is not)
     * @param terminal whether the stream ends after it (a run's final status)
     */
    StreamEvent(long id, String name, Supplier<String> data, boolean retained, boolean terminal) {
        this.id = id;
        this.name = Objects.requireNonNull(name);
        this.source = Objects.requireNonNull(data);
        this.retained = retained;
        this.terminal = terminal;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The JSON data, written from its supplier the first time it is asked for. */
    public String data() {
        String value = data;
        if (value == null) {
            synchronized (this) {
                value = data;
                if (value == null) {
                    value = Objects.requireNonNull(source.get(), "event data");
                    data = value;
                    source = null;
                }
            }
        }
        return value;
    }

    public boolean retained() {
        return retained;
    }

    public boolean terminal() {
        return terminal;
    }

    /** The event's bytes on the stream, shared by every client: callers must not change them. */
    byte[] frame() {
        byte[] bytes = frame;
        if (bytes == null) {
            // Two threads may both make it; both results are equal, so either may stay.
            bytes = SseFrames.event(this);
            frame = bytes;
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "StreamEvent[id=" + id + ", name=" + name + ", retained=" + retained + ", terminal=" + terminal + "]";
    }
}
