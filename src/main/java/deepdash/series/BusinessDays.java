package deepdash.series;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Monday-to-Friday arithmetic. Exchange holidays are not known here, so they count as business days. */
public final class BusinessDays {

    private BusinessDays() {
    }

    /** The first Monday-to-Friday day after {@code day}: Friday, Saturday and Sunday lead to Monday. */
    public static LocalDate next(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** The {@code count}-th Monday-to-Friday day after {@code day}; {@code count} 1 is {@link #next}. */
    public static LocalDate after(LocalDate day, int count) {
        LocalDate result = day;
        for (int i = 0; i < count; i++) {
            result = next(result);
        }
        return result;
    }
}
