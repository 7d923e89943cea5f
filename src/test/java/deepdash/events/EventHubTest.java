package deepdash.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventHubTest {

    private static List<StreamEvent> drain(Subscription subscription) throws InterruptedException {
        List<StreamEvent> events = new ArrayList<>();
        StreamEvent event;
        while ((event = subscription.next(10)) != null) {
            events.add(event);
        }
        return events;
    }

    @Test
    void aLateSubscriberGetsEveryRetainedEventAndTheLatestProgress() throws Exception {
        EventHub hub = new EventHub();
        hub.publish("run", "status", "running", Delivery.RETAINED);
        hub.publish("run", "progress", "p1", Delivery.LIVE);
        hub.publish("run", "epoch", "e1", Delivery.RETAINED);
        hub.publish("run", "progress", "p2", Delivery.LIVE);
        hub.publish("run", "progress", "p3", Delivery.LIVE);

        List<StreamEvent> replay = drain(hub.subscribe("run", 0));
        assertThat(replay).extracting(StreamEvent::data).containsExactly("running", "e1", "p3");
    }

    @Test
    void aReconnectingSubscriberGetsOnlyWhatItMissedExactlyOnce() throws Exception {
        EventHub hub = new EventHub();
        StreamEvent first = hub.publish("run", "epoch", "e1", Delivery.RETAINED);
        Subscription live = hub.subscribe("run", first.id());
        hub.publish("run", "epoch", "e2", Delivery.RETAINED);
        hub.publish("run", "status", "completed", Delivery.FINAL);
        assertThat(drain(live)).extracting(StreamEvent::data).containsExactly("e2", "completed");

        Subscription reconnect = hub.subscribe("run", first.id());
        assertThat(drain(reconnect)).extracting(StreamEvent::data).containsExactly("e2", "completed");
    }

    @Test
    void aSubscriberThatStopsReadingIsDroppedAndNeverBlocksThePublisher() throws Exception {
        EventHub hub = new EventHub();
        Subscription stalled = hub.subscribe("run", 0);
        Subscription reading = hub.subscribe("run", 0);
        long start = System.nanoTime();
        int events = Subscription.CAPACITY * 3;
        int received = 0;
        for (int i = 0; i < events; i++) {
            hub.publish("run", "progress", "p" + i, Delivery.LIVE);
            if (reading.next(0) != null) {
                received++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(received).isEqualTo(events);
        assertThat(seconds).as("publishing must not wait for the stalled client").isLessThan(5);
        assertThat(hub.subscriberCount("run")).isEqualTo(1);
        drain(stalled);
        assertThat(stalled.isDropped()).isTrue();
    }

    @Test
    void subscribersOfAnEndedTopicAreNotKept() {
        EventHub hub = new EventHub();
        hub.publish("run", "status", "completed", Delivery.FINAL);
        hub.subscribe("run", 0);
        assertThat(hub.subscriberCount("run")).isZero();
    }

    @Test
    void aTopicsHistoryIsAskedForOnceWhenTheTopicIsFirstMetAndItsDataOnlyWhenSent() throws Exception {
        EventHub hub = new EventHub();
        Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
        AtomicInteger written = new AtomicInteger();
        hub.historyFrom(topic -> {
            asked.computeIfAbsent(topic, t -> new AtomicInteger()).incrementAndGet();
            if (!topic.equals("stored")) {
                return List.of();
            }
            return List.of(
                    new EventHub.Retained("epoch", () -> "e" + written.incrementAndGet(), Delivery.RETAINED),
                    new EventHub.Retained("status", () -> "completed", Delivery.FINAL));
        });
        assertThat(asked).as("nothing is read before a client asks").isEmpty();

        Subscription first = hub.subscribe("stored", 0);
        List<StreamEvent> replay = drain(first);
        assertThat(replay).extracting(StreamEvent::id).containsExactly(1L, 2L);
        assertThat(replay).extracting(StreamEvent::name).containsExactly("epoch", "status");
        assertThat(replay).extracting(StreamEvent::data).containsExactly("e1", "completed");
        assertThat(replay.get(1).terminal()).isTrue();
        assertThat(hub.subscriberCount("stored")).as("the history ended the topic").isZero();

        // A reconnect gets what it missed from the same events: no second read, no second write.
        assertThat(drain(hub.subscribe("stored", 1))).extracting(StreamEvent::data).containsExactly("completed");
        assertThat(drain(hub.subscribe("stored", 0))).extracting(StreamEvent::data).containsExactly("e1", "completed");
        assertThat(asked.get("stored")).hasValue(1);
        assertThat(written).hasValue(1);

        // A topic with no history starts empty, and publishing goes on from there.
        hub.publish("live", "epoch", "l1", Delivery.RETAINED);
        assertThat(drain(hub.subscribe("live", 0))).extracting(StreamEvent::id).containsExactly(1L);
        assertThat(asked.get("live")).hasValue(1);
    }

    @Test
    void aHistoryHoldsRetainedEventsOnly() {
        assertThatThrownBy(() -> new EventHub.Retained("progress", () -> "p", Delivery.LIVE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEventIsFramedOnceAndEveryClientWritesTheSameBytes() {
        EventHub hub = new EventHub();
        AtomicInteger written = new AtomicInteger();
        StreamEvent event = hub.publish("run", "epoch", () -> {
            written.incrementAndGet();
            return "{\"epoch\":1}\n{\"x\":2}";
        }, Delivery.RETAINED);
        assertThat(written).as("not written until sent").hasValue(0);

        byte[] frame = event.frame();
        assertThat(event.frame()).isSameAs(frame);
        assertThat(new String(frame, StandardCharsets.UTF_8))
                .isEqualTo("id: 1\nevent: epoch\ndata: {\"epoch\":1}\ndata: {\"x\":2}\n\n");
        assertThat(event.data()).isEqualTo("{\"epoch\":1}\n{\"x\":2}");
        assertThat(written).hasValue(1);
    }
}
