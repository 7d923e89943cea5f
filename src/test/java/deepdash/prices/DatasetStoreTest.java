package deepdash.prices;

import static deepdash.prices.PriceCsvFixtures.utf8;
import static deepdash.prices.PriceCsvFixtures.yahooCsv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Saving, listing and loading uploaded datasets with {@link DatasetStore}. */
class DatasetStoreTest {

    private static final Instant NOON = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path dataDir;

    private Path datasets() {
        return dataDir.resolve("datasets");
    }

    private DatasetStore storeAt(Instant now) {
        return new DatasetStore(datasets(), new PriceCsvParser(), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void saveWritesOriginalAndMetadataInAFolderNamedByTheId() throws Exception {
        byte[] content = utf8(yahooCsv(40));

        DatasetInfo info = storeAt(NOON).save("AMZN.csv", content);

        assertThat(info.id()).matches("[0-9a-f]{12}");
        assertThat(info.name()).isEqualTo("AMZN.csv");
        assertThat(info.rows()).isEqualTo(40);
        assertThat(info.from()).isEqualTo("2023-01-02");
        assertThat(info.to()).isEqualTo("2023-02-10");
        assertThat(info.columns()).containsExactly("Open", "High", "Low", "Close", "Adj Close", "Volume");
        assertThat(info.skipped()).isEqualTo(new DatasetInfo.Skipped(0, List.of()));
        assertThat(info.createdAt()).isEqualTo("2024-05-01T12:00:00Z");
        Path folder = datasets().resolve(info.id());
        assertThat(folder.resolve(DatasetStore.ORIGINAL_FILE)).hasBinaryContent(content);
        assertThat(folder.resolve(DatasetStore.INFO_FILE)).isRegularFile();
    }

    @Test
    void metadataJsonUsesTheAgreedFieldNames() throws Exception {
        String csv = yahooCsv(40) + "2024-01-01,null,null,null,null,null,null\n";

        DatasetInfo info = storeAt(NOON).save("y.csv", utf8(csv));

        Path infoFile = datasets().resolve(info.id()).resolve(DatasetStore.INFO_FILE);
        JsonNode json = new ObjectMapper().readTree(infoFile.toFile());
        assertThat(json.fieldNames()).toIterable()
                .containsExactly("id", "name", "rows", "from", "to", "columns", "skipped", "createdAt");
        assertThat(json.get("from").asText()).isEqualTo("2023-01-02");
        assertThat(json.get("skipped").get("count").asInt()).isEqualTo(1);
        assertThat(json.get("skipped").get("examples").get(0).asText()).isEqualTo("line 42: no values ('null')");
        // The reason is also kept as its key and arguments, and read back, so a page can word it in Korean.
        assertThat(json.get("skipped").get("reasons").get(0).get("key").asText()).isEqualTo("csv.skip.no_values");
        DatasetInfo reread = storeAt(NOON).find(info.id()).orElseThrow();
        assertThat(reread.skipped().examples(deepdash.i18n.Messages.KOREAN))
                .containsExactly("42번째 줄: 값이 없습니다 ('null')");
        assertThat(reread.skipped().examples(deepdash.i18n.Messages.ENGLISH)).containsExactly("line 42: no values ('null')");
    }

    @Test
    void aDuplicateRowsReasonIsStoredAndReadBackWithItsDate() throws Exception {
        String csv = yahooCsv(40);
        String[] rows = csv.split("\n");
        DatasetInfo info = storeAt(NOON).save("dup.csv", utf8(csv + rows[rows.length - 1] + "\n"));

        DatasetInfo reread = storeAt(NOON).find(info.id()).orElseThrow();
        assertThat(reread.skipped().examples(deepdash.i18n.Messages.KOREAN)).singleElement().asString()
                .matches("42번째 줄: 41번째 줄과 같은 행입니다 \\(2023-02-10\\)");
    }

    @Test
    void saveLeavesNoTempFolderBehind() throws Exception {
        storeAt(NOON).save("a.csv", utf8(yahooCsv(40)));

        try (Stream<Path> children = Files.list(datasets())) {
            assertThat(children.map(p -> p.getFileName().toString()))
                    .singleElement().asString().matches("[0-9a-f]{12}");
        }
    }

    @Test
    void refusedUploadLeavesNothingBehind() throws Exception {
        DatasetStore store = storeAt(NOON);

        assertThatThrownBy(() -> store.save("bad.csv", utf8("Date,Close\n2023-01-01,1\n")))
                .isInstanceOf(PriceCsvException.class);

        // The upload is streamed into a temp folder before it is parsed; a refusal removes it.
        try (Stream<Path> children = Files.list(datasets())) {
            assertThat(children).isEmpty();
        }
    }

    @Test
    void refusedUploadLeavesExistingDatasetsAndNoTempFolder() throws Exception {
        DatasetStore store = storeAt(NOON);
        DatasetInfo kept = store.save("good.csv", utf8(yahooCsv(40)));

        assertThatThrownBy(() -> store.save("bad.csv", new byte[0])).isInstanceOf(PriceCsvException.class);

        try (Stream<Path> children = Files.list(datasets())) {
            assertThat(children.map(p -> p.getFileName().toString())).containsExactly(kept.id());
        }
    }

    @Test
    void failedMoveRemovesItsTempFolder() throws Exception {
        // An id below a folder that does not exist makes the final rename fail after both files
        // were written, the latest point a save can fail at.
        DatasetStore store = new DatasetStore(datasets(), new PriceCsvParser(), Clock.fixed(NOON, ZoneOffset.UTC),
                () -> "missing/id");

        assertThatThrownBy(() -> store.save("a.csv", utf8(yahooCsv(40)))).isInstanceOf(IOException.class);

        try (Stream<Path> children = Files.list(datasets())) {
            assertThat(children).isEmpty();
        }
    }

    @Test
    void listsNewestFirstAndIgnoresTempFolders() throws Exception {
        DatasetInfo older = storeAt(NOON).save("older.csv", utf8(yahooCsv(40)));
        DatasetInfo newer = storeAt(NOON.plusSeconds(60)).save("newer.csv", utf8(yahooCsv(41)));
        DatasetInfo oldest = storeAt(NOON.minusSeconds(60)).save("oldest.csv", utf8(yahooCsv(42)));
        Files.createDirectories(datasets().resolve(".tmp-abandoned"));

        List<DatasetInfo> listed = storeAt(NOON).list();

        assertThat(listed).containsExactly(newer, older, oldest);
    }

    @Test
    void listIsEmptyBeforeTheFirstUpload() throws IOException {
        assertThat(storeAt(NOON).list()).isEmpty();
    }

    @Test
    void findReturnsSavedInfoAndEmptyForUnknownId() throws Exception {
        DatasetStore store = storeAt(NOON);
        DatasetInfo saved = store.save("a.csv", utf8(yahooCsv(40)));

        assertThat(store.find(saved.id())).contains(saved);
        assertThat(store.find("0123456789ab")).isEmpty();
    }

    @Test
    void loadParsesTheStoredOriginalAgain() throws Exception {
        DatasetStore store = storeAt(NOON);
        DatasetInfo saved = store.save("a.csv", utf8(yahooCsv(40)));

        ParsedPrices prices = store.load(saved.id());

        assertThat(prices.rows()).isEqualTo(40);
        assertThat(prices.defaultTarget()).isEqualTo("Adj Close");
        assertThatThrownBy(() -> store.load("0123456789ab")).isInstanceOf(NoSuchElementException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../x", "a/b", "a\\b", ".tmp-1", "ABC", "", " ", "x.json",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void rejectsIdsThatCouldLeaveTheStoreFolder(String id) {
        DatasetStore store = storeAt(NOON);

        assertThatThrownBy(() -> store.find(id)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.load(id)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsOnlyTheFileNamePartOfTheUploadName() throws Exception {
        DatasetInfo info = storeAt(NOON).save("C:\\Users\\me\\Downloads\\AMZN.csv", utf8(yahooCsv(40)));

        assertThat(info.name()).isEqualTo("AMZN.csv");
    }
}
