package deepdash.events;

/** How an event reaches subscribers: only those listening now, every later one too, or as the last. */
public enum Delivery {

    /** Sent to current subscribers only, and only the latest is kept for a late one (progress). */
    LIVE,
    /** Replayed to every later subscriber (epochs, statuses). */
    RETAINED,
    /** Retained, and the stream ends after it (a run's final status). */
    FINAL;

    boolean retained() {
        return this != LIVE;
    }

    boolean terminal() {
        return this == FINAL;
    }
}
