package deepdash.events;

/**
 * One server-sent event: its id (increasing within a topic), its name and its JSON data.
 *
 * @param retained whether late subscribers get it replayed (epochs and statuses are; progress is not)
 * @param terminal whether the stream ends after it (a run's final status)
 */
public record StreamEvent(long id, String name, String data, boolean retained, boolean terminal) {
}
