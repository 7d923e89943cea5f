package deepdash.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    /** Jackson's own reader of instants, which IsoInstants must agree with. */
    private static final ObjectMapper JACKSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private static Instant jackson(String json) throws Exception {
        return JACKSON.readValue(json, Instant.class);
    }

    private static Instant ours(String json) throws Exception {
        return Json.mapper().readValue(json, Instant.class);
    }

    @Test
    void readsWhatInstantWritesExactlyAsJacksonDoes() throws Exception {
        Random random = new Random(13);
        for (int i = 0; i < 20_000; i++) {
            // 0001-01-01 to 9999-12-31, with 0, 3, 6 or 9 digits of fraction as toString() writes them.
            long second = -62_135_596_800L + (long) (random.nextDouble() * 315_537_897_599L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nanos);
            String text = instant.toString();
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(instant);
            assertThat(ours('"' + text + '"')).as(text).isEqualTo(jackson('"' + text + '"'));
        }
    }

    @Test
    void takesAnyNumberOfFractionDigitsUpToNine() {
        assertThat(IsoInstants.parse("2024-02-29T23:59:59.5Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.500Z"));
        assertThat(IsoInstants.parse("2026-11-30T02:02:52.22629Z"))
                .isEqualTo(Instant.parse("2026-11-30T02:02:52.22629Z"));
        assertThat(IsoInstants.parse("1970-01-01T00:00:00Z")).isEqualTo(Instant.EPOCH);
    }

    @Test
    void leavesEveryOtherTextToJackson() throws Exception {
        for (String text : List.of("2023-02-29T00:00:00Z", "2023-13-01T00:00:00Z", "2023-04-31T00:00:00Z",
                "2023-01-01T24:00:00Z", "2023-01-01T00:60:00Z", "2023-01-01T00:00:60Z", "2023-01-01T00:00:00.Z",
                "2023-01-01T00:00:00.1234567890Z", "2023-01-01t00:00:00Z", "2023-01-01T00:00:00z",
                "2023-01-01T00:00:00+01:00", "+10000-01-01T00:00:00Z", "2023-1-01T00:00:00Z",
                "\uFF12\uFF10\uFF12\uFF13-01-01T00:00:00Z", "2023-01-01 00:00:00Z", "2023-01-01T00:00Z", "")) {
            assertThat(IsoInstants.parse(text)).as(text).isNull();
        }
        // What Jackson reads besides the canonical form, it still reads, the same way.
        for (String json : List.of("\"2023-01-01T00:00:00+01:00\"", "\"+10000-01-01T00:00:00Z\"", "1700000000",
                "1700000000.5", "\"2023-01-01T00:00:00.100-05:30\"")) {
            assertThat(ours(json)).as(json).isEqualTo(jackson(json));
        }
        // And what it refuses, it refuses with the same error.
        for (String json : List.of("\"2023-02-29T00:00:00Z\"", "\"not a date\"", "\"2023-01-01T00:00:00.100+0100\"")) {
            assertThatThrownBy(() -> jackson(json)).isInstanceOf(InvalidFormatException.class);
            assertThatThrownBy(() -> ours(json)).as(json).isInstanceOf(InvalidFormatException.class);
        }
    }

    @Test
    void isTheReaderOfInstantsTheMapperUses() throws Exception {
        ObjectMapper mapper = Json.mapper();
        DeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null);
        assertThat(context.findRootValueDeserializer(mapper.constructType(Instant.class)))
                .isInstanceOf(IsoInstants.class);
    }
}
