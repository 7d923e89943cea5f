package deepdash.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dates kept as epoch days behave as any list of dates. */
class EpochDayListTest {

    private static final List<LocalDate> DATES = List.of(LocalDate.of(1200, 1, 1), LocalDate.of(1970, 1, 1),
            LocalDate.of(2023, 12, 29), LocalDate.of(9999, 12, 31));

    @Test
    void holdsTheSameDatesAndEqualsOtherLists() {
        EpochDayList days = EpochDayList.copyOf(DATES);

        assertThat(days).containsExactlyElementsOf(DATES);
        assertThat(days).isEqualTo(DATES);
        assertThat(DATES).isEqualTo(days);
        assertThat(days.hashCode()).isEqualTo(DATES.hashCode());
        assertThat(days.epochDay(1)).isZero();
    }

    @Test
    void copyOfAnEpochDayListIsTheListItself() {
        EpochDayList days = EpochDayList.copyOf(DATES);

        assertThat(EpochDayList.copyOf(days)).isSameAs(days);
    }

    @Test
    void cannotBeChangedOrHoldNull() {
        EpochDayList days = EpochDayList.copyOf(DATES);

        assertThatThrownBy(() -> days.set(0, LocalDate.EPOCH)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> days.add(LocalDate.EPOCH)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> EpochDayList.copyOf(Arrays.asList(LocalDate.EPOCH, null)))
                .isInstanceOf(NullPointerException.class);
    }
}
