package deepdash.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one place events go through. Producers {@link #publish} to a topic (a run id); the SSE route
 * only {@link #subscribe}s. Each topic keeps its retained events (epochs, statuses) so a client that
 * connects late or reconnects with {@code Last-Event-ID} gets every one it missed, exactly once, and
 * the latest progress event so a new tab shows the bar at once.
 */
public final class EventHub {

    private final Map<String, Topic> topics = new ConcurrentHashMap<>();

    private static final class Topic {
        long nextId = 1;
        final List<StreamEvent> retained = new ArrayList<>();
        StreamEvent latestProgress;
        final List<Subscription> subscribers = new CopyOnWriteArrayList<>();
    }

    /** Publishes an event and returns it with its id. Never blocks on a client. */
    public StreamEvent publish(String topicName, String name, String data, Delivery delivery) {
        boolean retained = delivery.retained();
        Topic topic = topics.computeIfAbsent(topicName, t -> new Topic());
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
        Topic topic = topics.computeIfAbsent(topicName, t -> new Topic());
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
