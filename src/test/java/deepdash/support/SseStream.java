package deepdash.support;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads a server-sent event stream line by line, as a browser would, into events. */
public final class SseStream implements AutoCloseable {

    /** One parsed event; {@code data} is the JSON text. */
    public record Event(long id, String name, String data) {
    }

    private final HttpResponse<Stream<String>> response;
    private final Iterator<String> lines;
    private int heartbeats;

    public SseStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.lines = response.body().iterator();
    }

    public int statusCode() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    public int heartbeats() {
        return heartbeats;
    }

    /** The next event, or null when the server ended the stream. */
    public Event next() {
        long id = -1;
        String name = "message";
        StringBuilder data = new StringBuilder();
        boolean any = false;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (any) {
                    return new Event(id, name, data.toString());
                }
                continue;
            }
            if (line.startsWith(":")) {
                heartbeats++;
                continue;
            }
            any = true;
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1).stripLeading();
            switch (field) {
                case "id" -> id = Long.parseLong(value);
                case "event" -> name = value;
                case "data" -> data.append(data.length() > 0 ? "\n" : "").append(value);
                default -> {
                }
            }
        }
        return any ? new Event(id, name, data.toString()) : null;
    }

    /** Reads (and drops) lines until the next heartbeat comment; false if the stream ended first. */
    public boolean skipToHeartbeat() {
        while (lines.hasNext()) {
            if (lines.next().startsWith(":")) {
                heartbeats++;
                return true;
            }
        }
        return false;
    }

    /** Reads events until one matches (returned) or the stream ends (null); collects all read. */
    public Event until(Predicate<Event> match, List<Event> seen) {
        Event event;
        while ((event = next()) != null) {
            seen.add(event);
            if (match.test(event)) {
                return event;
            }
        }
        return null;
    }

    public List<Event> readToEnd() {
        List<Event> all = new ArrayList<>();
        until(e -> false, all);
        return all;
    }

    @Override
    public void close() {
        response.body().close();
    }
}
