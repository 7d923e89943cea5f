package deepdash.prices;

import static deepdash.prices.PriceCsvFixtures.utf8;
import static deepdash.prices.PriceCsvFixtures.yahooCsv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import deepdash.errors.UserError;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renaming and deleting datasets, the temp folders a crash leaves, and a chosen date order kept with the data. */
class DatasetLifecycleTest {

    @TempDir
    Path dataDir;

    private Path datasets() {
        return dataDir.resolve("datasets");
    }

    private DatasetStore store() {
        return new DatasetStore(datasets(), new PriceCsvParser(), Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"),
                ZoneOffset.UTC));
    }

    private String[] folders() throws Exception {
        try (Stream<Path> children = Files.list(datasets())) {
            return children.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void renameReplacesTheNameAndKeepsEverythingElse() throws Exception {
        DatasetStore store = store();
        DatasetInfo saved = store.save("AMZN.csv", utf8(yahooCsv(40)));

        DatasetInfo renamed = store.rename(saved.id(), "  Amazon daily\u0007 ").orElseThrow();

        assertThat(renamed.name()).isEqualTo("Amazon daily");
        assertThat(renamed).isEqualTo(saved.withName("Amazon daily"));
        assertThat(store.find(saved.id())).contains(renamed);
        assertThat(store.load(saved.id()).rows()).isEqualTo(40);
        assertThat(folders()).containsExactly(saved.id());
        assertThat(store.rename("000000000000", "x")).isEmpty();
        assertThatThrownBy(() -> store.rename(saved.id(), " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deleteRemovesTheFolderWhole() throws Exception {
        DatasetStore store = store();
        DatasetInfo kept = store.save("a.csv", utf8(yahooCsv(40)));
        DatasetInfo doomed = store.save("b.csv", utf8(yahooCsv(41)));

        assertThat(store.delete(doomed.id())).isTrue();

        assertThat(store.find(doomed.id())).isEmpty();
        assertThat(store.list()).extracting(DatasetInfo::id).containsExactly(kept.id());
        assertThat(folders()).containsExactly(kept.id());
        assertThat(store.delete(doomed.id())).isFalse();
    }

    @Test
    void tempFoldersACrashLeftAreSweptAtTheNextStart() throws Exception {
        DatasetStore store = store();
        DatasetInfo kept = store.save("a.csv", utf8(yahooCsv(40)));
        // What a crash mid-upload leaves: a temp folder with half a file, and one mid-delete.
        Path upload = Files.createDirectories(datasets().resolve(".tmp-0123abcd"));
        Files.writeString(upload.resolve(DatasetStore.ORIGINAL_FILE), "Date,Close\n2023-01-");
        Files.createDirectories(datasets().resolve(".tmp-deleted-abc-1234").resolve("deep"));

        DatasetService service = new DatasetService(store(), 2);
        service.ensureSample();

        assertThat(folders()).containsExactlyInAnyOrder(kept.id(), DatasetService.SAMPLE_ID);
        assertThat(service.find(kept.id())).isPresent();
    }

    @Test
    void theFirstCallOfAnyKindSweepsAndRegistersTheSampleOnce() throws Exception {
        Path upload = Files.createDirectories(datasets().resolve(".tmp-0123abcd"));
        Files.writeString(upload.resolve(DatasetStore.ORIGINAL_FILE), "Date,Close\n2023-01-");

        DatasetService service = new DatasetService(store(), 2);
        assertThat(upload).as("a service that nobody asked has not touched the folder").exists();
        DatasetInfo uploaded = service.upload("a.csv", new ByteArrayInputStream(utf8(yahooCsv(40))));

        assertThat(folders()).containsExactlyInAnyOrder(uploaded.id(), DatasetService.SAMPLE_ID);
        service.ensureSample();
        assertThat(service.list()).extracting(DatasetInfo::id).contains(DatasetService.SAMPLE_ID, uploaded.id());
        assertThat(folders()).hasSize(2);
    }

    @Test
    void theBundledSampleCannotBeDeletedButUploadsCan() throws Exception {
        DatasetService service = new DatasetService(store(), 2);
        service.ensureSample();
        assertThatThrownBy(() -> service.delete(DatasetService.SAMPLE_ID))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(service.find(DatasetService.SAMPLE_ID)).isPresent();

        DatasetInfo upload = service.upload("a.csv", new ByteArrayInputStream(utf8(yahooCsv(40))));
        assertThat(service.prices(upload.id())).isPresent();
        assertThat(service.delete(upload.id())).isTrue();
        assertThat(service.prices(upload.id())).as("not served from the parse cache").isEmpty();
        assertThat(service.delete(upload.id())).isFalse();
        assertThat(service.delete("../etc")).isFalse();
    }

    @Test
    void aChosenDateOrderIsKeptSoTheFileReadsTheSameWayAgain() throws Exception {
        byte[] file = DateOrderAndCurrencyTest.slashed(DateOrderAndCurrencyTest.ambiguousDays(), true);
        DatasetStore store = store();
        assertThatThrownBy(() -> store.save("eu.csv", file)).isInstanceOf(PriceCsvException.class);
        assertThat(folders()).isEmpty();

        DatasetInfo saved = store.save("eu.csv", new ByteArrayInputStream(file), DateOrder.DMY);

        assertThat(saved.dateOrder()).isEqualTo("dmy");
        DatasetStore reopened = store();
        assertThat(reopened.find(saved.id()).orElseThrow().dateOrder()).isEqualTo("dmy");
        assertThat(reopened.load(saved.id()).from()).isEqualTo(LocalDate.of(2023, 1, 2));
    }
}
