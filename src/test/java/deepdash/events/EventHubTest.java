package deepdash.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
}
