package deepdash.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one place events go through. Producers {@link #publish} to a topic (a run id); the SSE route
 * only {@link #subscribe}s. Each topic keeps its retained events (epochs, statuses) so a client that
 * connects late or reconnects with {@code Last-Event-ID} gets every one it missed, exactly once, and
 * the latest progress event so a new tab shows the bar at once.
 */
public final class EventHub {

    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private volatile Function<String, List<Retained>> history = topic -> List.of();

    /**
     * One event of a topic's history (see {@link #historyFrom}).
     *
     * @param data written only when a client first needs it (see {@link StreamEvent#data()})
     */
    public record Retained(String name, Supplier<String> data, Delivery delivery) {

        public Retained {
            Objects.requireNonNull(name);
            Objects.requireNonNull(data);
            if (!delivery.retained()) {
                throw new IllegalArgumentException("a topic's history holds retained events only, got " + delivery);
            }
        }
    }

    /**
     * Where a topic's past events come from when the hub first meets the topic, by a publish or
     * a subscribe: the runs read from disk at start-up give theirs only when a client first opens
     * one's stream, instead of making ten thousand events for a thousand runs nobody may open.
     */
    public void historyFrom(Function<String, List<Retained>> source) {
        history = Objects.requireNonNull(source);
    }

    private Topic topic(String name) {
        Topic known = topics.get(name);
        if (known != null) {
            return known;
        }
        // The history is read outside the map's locks (it reads files and takes its owner's);
        // when two threads race, both read it and one topic wins.
        Topic made = newTopic(name);
        Topic raced = topics.putIfAbsent(name, made);
        return raced != null ? raced : made;
    }

    private Topic newTopic(String name) {
        Topic topic = new Topic();
        for (Retained past : history.apply(name)) {
            topic.retained.add(new StreamEvent(topic.nextId++, past.name(), past.data(), true,
                    past.delivery().terminal()));
        }
        return topic;
    }

    private static final class Topic {
        long nextId = 1;
        final List<StreamEvent> retained = new ArrayList<>();
        StreamEvent latestProgress;
        final List<Subscription> subscribers = new CopyOnWriteArrayList<>();
    }

    /** Publishes an event and returns it with its id. Never blocks on a client. */
    public StreamEvent publish(String topicName, String name, String data, Delivery delivery) {
        Objects.requireNonNull(data);
        return publish(topicName, name, () -> data, delivery);
    }

    /**
     * Publishes an event whose data is written only when a client first needs it (see
     * {@link StreamEvent#data()}); for retained events few clients ever replay, such as the epochs
     * of the runs read at start-up. The supplier may run on any thread, at most once.
     */
    public StreamEvent publish(String topicName, String name, Supplier<String> data, Delivery delivery) {
        boolean retained = delivery.retained();
        Topic topic = topic(topicName);
        StreamEvent event;
        synchronized (topic) {
            event = new StreamEvent(topic.nextId++, name, data, retained, delivery.terminal());
            if (retained) {
                topic.retained.add(event);
                topic.latestProgress = null;
            } else {
                topic.latestProgress = event;
            }
            // Offering inside the lock keeps every subscriber's order equal to the id order.
            for (Subscription subscription : topic.subscribers) {
                if (!subscription.offer(event)) {
                    topic.subscribers.remove(subscription);
                }
            }
        }
        return event;
    }

    /**
     * Subscribes to a topic. The new subscription already holds every retained event after
     * {@code lastEventId} (0 for all) and, when the topic has not ended, the latest progress.
     */
    public Subscription subscribe(String topicName, long lastEventId) {
        Topic topic = topic(topicName);
        Subscription subscription = new Subscription();
        synchronized (topic) {
            boolean ended = false;
            for (StreamEvent event : topic.retained) {
                if (event.id() > lastEventId) {
                    subscription.offer(event);
                }
                ended |= event.terminal();
            }
            if (!ended) {
                if (topic.latestProgress != null && topic.latestProgress.id() > lastEventId) {
                    subscription.offer(topic.latestProgress);
                }
                topic.subscribers.add(subscription);
            }
        }
        return subscription;
    }

    public void unsubscribe(String topicName, Subscription subscription) {
        subscription.close();
        Topic topic = topics.get(topicName);
        if (topic != null) {
            topic.subscribers.remove(subscription);
        }
    }

    /** Forgets a topic (a deleted run). */
    public void remove(String topicName) {
        Topic topic = topics.remove(topicName);
        if (topic != null) {
            topic.subscribers.forEach(Subscription::close);
        }
    }

    public int subscriberCount(String topicName) {
        Topic topic = topics.get(topicName);
        return topic == null ? 0 : topic.subscribers.size();
    }
}
