package deepdash.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cap on uploads in progress. */
class UploadSlotsTest {

    @Test
    void givesOutAsManySlotsAsTheLimitAndNoMoreUntilOneIsBack() {
        UploadSlots slots = new UploadSlots(2);

        Optional<UploadSlots.Slot> first = slots.tryTake();
        Optional<UploadSlots.Slot> second = slots.tryTake();

        assertThat(first).isPresent();
        assertThat(second).isPresent();
        assertThat(slots.tryTake()).isEmpty();
        assertThat(slots.inUse()).isEqualTo(2);

        first.get().close();
        assertThat(slots.inUse()).isEqualTo(1);
        assertThat(slots.tryTake()).isPresent();
        assertThat(slots.tryTake()).isEmpty();
    }

    @Test
    void closingASlotTwiceGivesItBackOnce() {
        UploadSlots slots = new UploadSlots(1);
        UploadSlots.Slot slot = slots.tryTake().orElseThrow();

        slot.close();
        slot.close();

        assertThat(slots.tryTake()).isPresent();
        assertThat(slots.tryTake()).as("a second close must not have made room for two").isEmpty();
    }

    @Test
    void tellsWhenTheLastSlotTakenComesBack() {
        AtomicInteger allFree = new AtomicInteger();
        UploadSlots slots = new UploadSlots(3, allFree::incrementAndGet);
        UploadSlots.Slot first = slots.tryTake().orElseThrow();
        UploadSlots.Slot second = slots.tryTake().orElseThrow();

        first.close();
        assertThat(allFree).hasValue(0);
        second.close();
        assertThat(allFree).hasValue(1);
        second.close();
        assertThat(allFree).hasValue(1);
    }

    @Test
    void refusesALimitBelowOne() {
        assertThatThrownBy(() -> new UploadSlots(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
