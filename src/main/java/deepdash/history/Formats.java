package deepdash.history;

import deepdash.i18n.Messages;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the history pages write numbers, durations and times. */
final class Formats {

    static final String NONE = "–";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** 42s, 6m52s, 1h05m: the same as the run panel's script. */
    static String seconds(Double seconds) {
        return seconds(seconds, Messages.ENGLISH);
    }

    /** {@link #seconds(Double)} with the units in {@code t}'s language (42초, 6분 52초); the digits stay. */
    static String seconds(Double seconds, Messages t) {
        if (seconds == null || !Double.isFinite(seconds) || seconds < 0) {
            return NONE;
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return t.get("duration.seconds", s);
        }
        long m = s / 60;
        return m < 60 ? t.get("duration.minutes", m, String.format(Locale.ROOT, "%02d", s % 60))
                : t.get("duration.hours", m / 60, String.format(Locale.ROOT, "%02d", m % 60));
    }

    /** 0.001 rather than 1.0E-3; null as "–". */
    static String plain(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return NONE;
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String dateTime(Instant instant) {
        return instant == null ? NONE : DATE_TIME.format(instant);
    }

    static String orNone(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
