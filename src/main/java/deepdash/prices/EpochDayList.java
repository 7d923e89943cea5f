package deepdash.prices;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unmodifiable list of dates kept as epoch days: four bytes a day instead of a reference and
 * a {@link LocalDate} of its own, which for a long series was more than the prices themselves.
 * Equal to any other list of the same dates.
 */
final class EpochDayList extends AbstractList<LocalDate> implements RandomAccess {

    private final int[] epochDays;

    private EpochDayList(int[] epochDays) {
        this.epochDays = epochDays;
    }

    /** Wraps {@code epochDays}, which the caller hands over and must not change. */
    static EpochDayList wrap(int[] epochDays) {
        return new EpochDayList(epochDays);
    }

    /**
     * The same dates as an {@code EpochDayList}; {@code dates} itself when it is one.
     *
     * @throws NullPointerException when a date is null, as {@link List#copyOf} would
     */
    static EpochDayList copyOf(List<LocalDate> dates) {
        if (dates instanceof EpochDayList same) {
            return same;
        }
        int[] days = new int[dates.size()];
        int i = 0;
        for (LocalDate date : dates) {
            // Every LocalDate's epoch day fits an int: the years reach only +-999,999,999 / 365.
            days[i++] = Math.toIntExact(date.toEpochDay());
        }
        return new EpochDayList(days);
    }

    /** The epoch day of the {@code index}-th date, without making a {@link LocalDate}. */
    int epochDay(int index) {
        return epochDays[index];
    }

    @Override
    public LocalDate get(int index) {
        return LocalDate.ofEpochDay(epochDays[index]);
    }

    @Override
    public int size() {
        return epochDays.length;
    }
}
