package deepdash.prices;

/** Lets tests in other packages build the ambiguous day-first file of {@link DateOrderAndCurrencyTest}. */
public final class DateOrderAndCurrencyAccess {

    private DateOrderAndCurrencyAccess() {
    }

    /** 40 days, written day first, every day and month 12 or below. */
    public static byte[] dayFirstAmbiguousFile() {
        return DateOrderAndCurrencyTest.slashed(DateOrderAndCurrencyTest.ambiguousDays(), true);
    }
}
