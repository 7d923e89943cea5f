package deepdash.events;

import java.nio.charset.StandardCharsets;

/**
 * The bytes of server-sent events as the EventSource format wants them: {@code id}, {@code event},
 * one {@code data} line per line of data, and a blank line; a comment is a line starting with a colon.
 */
public final class SseFrames {

    private SseFrames() {
    }

    public static byte[] event(StreamEvent event) {
        StringBuilder frame = new StringBuilder(event.data().length() + 48);
        frame.append("id: ").append(event.id()).append('\n');
        // A line break in the name would start a field of its own: names are ours, but keep them on one line.
        frame.append("event: ").append(event.name().replace("\r", "").replace("\n", "")).append('\n');
        for (String line : event.data().split("\r\n|\r|\n", -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        return frame.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] comment(String text) {
        return (": " + text.replace("\r", "").replace("\n", " ") + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
