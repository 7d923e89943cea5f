package deepdash.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which rule chooses the default dates, on three files. */
class DefaultRangeTest {

    static List<LocalDate> businessDays(LocalDate first, LocalDate last) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    @Test
    void aFileCoveringTheSeedsRangeGetsTheSeedsSettings() {
        // As the seed's AMZN download: from 1999, ending on 2023-12-20, before the year's end.
        DefaultRange range = DefaultRange.of(businessDays(LocalDate.of(1999, 1, 4), LocalDate.of(2023, 12, 20)));

        assertThat(range.rule()).isEqualTo(DefaultRange.Rule.SEED);
        assertThat(range.from()).isEqualTo(LocalDate.of(2015, 1, 1));
        assertThat(range.to()).isEqualTo(LocalDate.of(2023, 12, 20));
        assertThat(range.splitDate()).isEqualTo(LocalDate.of(2022, 1, 1));
    }

    @Test
    void aFileStartingAfter2015GetsItsLastSevenYearsSplitAt80Percent() {
        List<LocalDate> days = businessDays(LocalDate.of(2016, 6, 1), LocalDate.of(2025, 6, 30));
        DefaultRange range = DefaultRange.of(days);

        assertThat(range.rule()).isEqualTo(DefaultRange.Rule.LAST_SEVEN_YEARS);
        assertThat(range.from()).isEqualTo(LocalDate.of(2018, 7, 2));
        assertThat(range.to()).isEqualTo(LocalDate.of(2025, 6, 30));
        List<LocalDate> used = businessDays(LocalDate.of(2018, 7, 2), LocalDate.of(2025, 6, 30));
        assertThat(range.splitDate()).isEqualTo(used.get((int) Math.floor(used.size() * 0.8)));
        assertThat(range.rule().description()).contains("last seven years");
    }

    @Test
    void aFileShorterThanSevenYearsIsUsedWhole() {
        List<LocalDate> days = businessDays(LocalDate.of(2020, 1, 1), LocalDate.of(2022, 12, 30));
        DefaultRange range = DefaultRange.of(days);

        assertThat(range.rule()).isEqualTo(DefaultRange.Rule.WHOLE_FILE);
        assertThat(range.from()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(range.to()).isEqualTo(LocalDate.of(2022, 12, 30));
        // 783 business days; 80% is index floor(626.4) = 626.
        assertThat(days).hasSize(783);
        assertThat(range.splitDate()).isEqualTo(days.get(626));
    }
}
