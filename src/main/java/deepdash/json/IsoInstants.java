package deepdash.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Reads the instants DeepDash writes ({@link Instant#toString()}: {@code 2026-11-30T02:02:52.226290277Z})
 * by their digits, and hands anything else to the reader Jackson's Java time module gives.
 *
 * <p>Why: a run record holds three instants, and the server reads every {@code run.json} at
 * start-up, while the JIT is still cold. Jackson's reader goes through {@code DateTimeFormatter},
 * whose general parser runs interpreted then: a fresh JVM read the thousand records of
 * {@code bench/figures/60-startup.sh} in 330-345 ms, and in 195-235 ms with this (2026-12-03).
 */
final class IsoInstants extends StdDeserializer<Instant> implements ContextualDeserializer {

    private static final long serialVersionUID = 1L;
    private static final int SECONDS_PER_DAY = 86_400;
    private static final int MAX_FRACTION_DIGITS = 9;

    /** Jackson's own reader of instants, as the Java time module set it up. */
    private final JsonDeserializer<?> jackson;

    private IsoInstants(JsonDeserializer<?> jackson) {
        super(Instant.class);
        this.jackson = jackson;
    }

    /** Puts an {@code IsoInstants} in front of whatever reader of instants the mapper's modules give. */
    static final class Module extends SimpleModule {

        private static final long serialVersionUID = 1L;

        Module() {
            super("deepdash-instants");
            setDeserializerModifier(new BeanDeserializerModifier() {
                private static final long serialVersionUID = 1L;

                @Override
                public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription type,
                        JsonDeserializer<?> deserializer) {
                    return type.getBeanClass() == Instant.class ? new IsoInstants(deserializer) : deserializer;
                }
            });
        }
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
            throws JsonMappingException {
        JsonDeserializer<?> contextual = context.handleSecondaryContextualization(jackson, property,
                context.constructType(Instant.class));
        return contextual == jackson ? this : new IsoInstants(contextual);
    }

    @Override
    public Instant deserialize(JsonParser in, DeserializationContext context) throws IOException {
        if (in.hasToken(JsonToken.VALUE_STRING)) {
            Instant read = parse(in.getText());
            if (read != null) {
                return read;
            }
        }
        return (Instant) jackson.deserialize(in, context);
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} with a four-digit year and one to nine digits of
     * fraction, as the instant it names; null for any other text, valid or not, and for dates
     * that do not exist.
     */
    static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
                || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > MAX_FRACTION_DIGITS) {
                return null;
            }
            nanos = digits(text, 20, length - 1);
            if (nanos < 0) {
                return null;
            }
            for (int i = fractionDigits; i < MAX_FRACTION_DIGITS; i++) {
                nanos *= 10;
            }
        }
        if (day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character there is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
