package deepdash.drawings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import deepdash.digits.DigitPreprocessor;
import deepdash.digits.LabeledDigit;
import deepdash.errors.UserError;
import deepdash.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drawings folder: what is written, what is listed, and what is refused. */
class DrawingStoreTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00.123456Z");

    @TempDir
    Path dataDir;

    private Path dir() {
        return dataDir.resolve("drawings");
    }

    private DrawingStore store(int maxDrawings) {
        return new DrawingStore(dir(), Clock.fixed(NOW, ZoneOffset.UTC), maxDrawings);
    }

    private static float[] pixels(float value) {
        float[] pixels = new float[DigitPreprocessor.PIXEL_COUNT];
        for (int i = 0; i < pixels.length; i += 3) {
            pixels[i] = value;
        }
        return pixels;
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSavedDrawingIsItsPngAsSentAndAJsonFileAndIsListed() throws IOException {
        DrawingStore store = store(10);

        Drawing saved = store.save(PNG, 4, pixels(0.123456f));

        assertThat(saved.id()).matches("[0-9a-f]{16}");
        assertThat(saved.label()).isEqualTo(4);
        assertThat(saved.createdAt()).isEqualTo(Instant.parse("2026-12-02T10:00:00.123Z"));
        // Rounded to four decimals, the same in the answer as on disk.
        assertThat(saved.pixels()[0]).isEqualTo(0.1235f);
        assertThat(fileNames()).containsExactly(saved.id() + ".json", saved.id() + ".png");
        assertThat(Files.readAllBytes(dir().resolve(saved.id() + ".png"))).isEqualTo(PNG);
        assertThat(store.png(saved.id())).isEqualTo(PNG);
        String json = Files.readString(dir().resolve(saved.id() + ".json"));
        assertThat(json).contains("\"label\":4", "\"createdAt\":\"2026-12-02T10:00:00.123Z\"", "0.1235");

        Drawing read = store.get(saved.id());
        assertThat(read.label()).isEqualTo(4);
        assertThat(read.pixels()).containsExactly(saved.pixels());
        assertThat(store.list().drawings()).extracting(Drawing::id).containsExactly(saved.id());
        assertThat(store.list().unreadable()).isEmpty();
        List<LabeledDigit> digits = store.labeledDigits();
        assertThat(digits).hasSize(1);
        assertThat(digits.get(0).id()).isEqualTo(saved.id());
        assertThat(digits.get(0).label()).isEqualTo(4);
        assertThat(digits.get(0).pixels()).containsExactly(saved.pixels());
    }

    @Test
    void listsNewestFirst() {
        Deque<Instant> times = new ArrayDeque<>(List.of(NOW, NOW.plusSeconds(5), NOW.plusSeconds(2)));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return times.pop();
            }
        };
        DrawingStore store = new DrawingStore(dir(), clock, 10);
        String first = store.save(PNG, 1, pixels(1)).id();
        String second = store.save(PNG, 2, pixels(1)).id();
        String third = store.save(PNG, 3, pixels(1)).id();

        assertThat(store.list().drawings()).extracting(Drawing::id).containsExactly(second, third, first);
    }

    @Test
    void relabelKeepsTheInputAndTheTimeAndDeleteRemovesBothFiles() throws IOException {
        DrawingStore store = store(10);
        Drawing saved = store.save(PNG, 4, pixels(0.5f));

        Drawing relabelled = store.relabel(saved.id(), 9);

        assertThat(relabelled.label()).isEqualTo(9);
        assertThat(store.get(saved.id()).label()).isEqualTo(9);
        assertThat(store.get(saved.id()).pixels()).containsExactly(saved.pixels());
        assertThat(store.get(saved.id()).createdAt()).isEqualTo(saved.createdAt());

        store.delete(saved.id());

        assertThat(fileNames()).isEmpty();
        assertThat(store.list().drawings()).isEmpty();
        assertThatThrownBy(() -> store.get(saved.id())).isInstanceOf(DrawingNotFoundException.class);
        assertThatThrownBy(() -> store.delete(saved.id())).isInstanceOf(DrawingNotFoundException.class);
        assertThatThrownBy(() -> store.relabel(saved.id(), 1)).isInstanceOf(DrawingNotFoundException.class);
    }

    @Test
    void damagedFilesAreSkippedAndReportedNeverFatal() throws IOException {
        DrawingStore store = store(10);
        Drawing good = store.save(PNG, 7, pixels(1));
        Files.writeString(dir().resolve("00000000000000a1.json"), "{\"label\":3,\"createdAt\":", StandardCharsets.UTF_8);
        Files.writeString(dir().resolve("00000000000000a2.json"), Json.write(
                new DrawingFile(12, NOW, pixels(1))), StandardCharsets.UTF_8);
        Files.writeString(dir().resolve("00000000000000a3.json"), Json.write(
                new DrawingFile(3, NOW, new float[] {0.5f})), StandardCharsets.UTF_8);
        Files.writeString(dir().resolve("00000000000000a4.json"), Json.write(
                new DrawingFile(null, NOW, pixels(1))), StandardCharsets.UTF_8);
        float[] tooBright = pixels(1);
        tooBright[0] = 3;
        Files.writeString(dir().resolve("00000000000000a5.json"), Json.write(
                new DrawingFile(3, NOW, tooBright)), StandardCharsets.UTF_8);
        // Not named like a drawing: not ours, not listed, not reported.
        Files.writeString(dir().resolve("notes.json"), "{}", StandardCharsets.UTF_8);

        DrawingListing listing = store.list();

        assertThat(listing.drawings()).extracting(Drawing::id).containsExactly(good.id());
        assertThat(listing.unreadable()).hasSize(5);
        assertThat(String.join("\n", listing.unreadable())).contains("00000000000000a1.json",
                "00000000000000a2.json: label must be 0..9, was 12", "00000000000000a3.json: pixels: expected 784",
                "00000000000000a4.json: label is missing", "00000000000000a5.json: pixels[0] = 3.0 is outside 0..1");
        assertThat(store.labeledDigits()).hasSize(1);
        // A damaged drawing can still be deleted.
        store.delete("00000000000000a1");
        assertThat(store.list().unreadable()).hasSize(4);
    }

    @Test
    void idsThatAreNotOursAreRefusedBeforeAnyPathIsBuilt() throws IOException {
        DrawingStore store = store(10);
        store.save(PNG, 1, pixels(1));
        Path outside = dataDir.resolve("secret.json");
        Files.writeString(outside, Json.write(new DrawingFile(1, NOW, pixels(1))), StandardCharsets.UTF_8);

        for (String id : List.of("../secret", "..", "0123456789ABCDEF", "0123456789abcde", "0123456789abcdef0",
                "0123456789abcde/", "", " 0123456789abcdef")) {
            assertThatThrownBy(() -> store.get(id)).as(id).isInstanceOf(DrawingNotFoundException.class);
            assertThatThrownBy(() -> store.png(id)).as(id).isInstanceOf(DrawingNotFoundException.class);
            assertThatThrownBy(() -> store.relabel(id, 2)).as(id).isInstanceOf(DrawingNotFoundException.class);
            assertThatThrownBy(() -> store.delete(id)).as(id).isInstanceOf(DrawingNotFoundException.class);
        }
        assertThatThrownBy(() -> store.get(null)).isInstanceOf(DrawingNotFoundException.class);
        assertThat(outside).exists();
    }

    @Test
    void writesLeaveNoTempFilesBehind() throws IOException {
        DrawingStore store = store(10);
        Drawing saved = store.save(PNG, 1, pixels(1));
        store.relabel(saved.id(), 2);
        store.save(PNG, 3, pixels(1));

        assertThat(fileNames()).hasSize(4).allMatch(name -> name.matches("[0-9a-f]{16}\\.(png|json)"));
    }

    @Test
    void aFailedJsonWriteTakesItsPngAlong() throws IOException {
        // A folder where the JSON file should go makes the atomic rename fail after the PNG is written.
        DrawingStore store = new DrawingStore(dir(), Clock.fixed(NOW, ZoneOffset.UTC), 10,
                () -> "00000000000000b1");
        Files.createDirectories(dir().resolve("00000000000000b1.json").resolve("blocker"));

        assertThatThrownBy(() -> store.save(PNG, 1, pixels(1))).isInstanceOf(RuntimeException.class);

        assertThat(fileNames()).containsExactly("00000000000000b1.json");
        assertThat(Files.isDirectory(dir().resolve("00000000000000b1.json"))).isTrue();
    }

    @Test
    void aFullSetRefusesTheNextDrawingWith409UntilOneIsDeleted() {
        DrawingStore store = store(2);
        String first = store.save(PNG, 1, pixels(1)).id();
        store.save(PNG, 2, pixels(1));

        assertThatThrownBy(() -> store.save(PNG, 3, pixels(1)))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("full").hasMessageContaining("2 drawings");
        assertThat(store.list().drawings()).hasSize(2);

        store.delete(first);
        assertThat(store.save(PNG, 3, pixels(1)).label()).isEqualTo(3);
    }
}
