package deepdash.prices;

import java.util.Locale;
import java.util.Optional;

/**
 * How a file's slashed dates read: {@code 03/04/2023} is 4 March (month first, {@link #MDY}, as US
 * exports write it) or 3 April (day first, {@link #DMY}, as most of Europe does). The parser tells
 * them apart by a part above 12; a file whose every slashed date has both parts at 12 or below is
 * ambiguous, and the user chooses.
 */
public enum DateOrder {
    DMY("dmy"),
    MDY("mdy");

    /** The upload form's field that carries the choice. */
    public static final String FIELD = "dateOrder";

    private final String wireName;

    DateOrder(String wireName) {
        this.wireName = wireName;
    }

    /** {@code dmy} or {@code mdy}, as the form and {@code dataset.json} write it. */
    public String wireName() {
        return wireName;
    }

    /** The order written as {@code dmy} or {@code mdy} (any case); empty for anything else. */
    public static Optional<DateOrder> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (DateOrder order : values()) {
            if (order.wireName.equals(wanted)) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }
}
