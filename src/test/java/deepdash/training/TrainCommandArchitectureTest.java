package deepdash.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import deepdash.model.CnnArchitecture;
import deepdash.model.CnnSettings;
import deepdash.model.CnnSpec;
import deepdash.model.InvalidRunConfigException;
import deepdash.protocol.RunFolder;
import deepdash.protocol.RunRecord;
import deepdash.protocol.RunStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code deepdash train --architecture <json>}: parsed, checked like the API's, trained and recorded. */
@Timeout(180)
class TrainCommandArchitectureTest {

    static final String SMALL = "{\"blocks\":[{\"filters\":4,\"kernel\":3,\"pool\":{\"type\":\"max\",\"size\":4}}],"
            + "\"head\":\"flatten\",\"dense\":[]}";

    @TempDir
    Path dataDir;

    private static TrainCommand parse(String... args) {
        TrainCommand command = new TrainCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void theFlagTakesAJsonObject() {
        assertThat(parse("--architecture", SMALL).architecture).isEqualTo(SMALL);
        assertThat(parse().architecture).isNull();
        assertThat(TrainCommand.architectureJson(SMALL).get("blocks")).hasSize(1);
        assertThatThrownBy(() -> TrainCommand.architectureJson("{\"blocks\":")).isInstanceOfSatisfying(
                InvalidRunConfigException.class, e -> assertThat(e.field()).isEqualTo("architecture"))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> TrainCommand.architectureJson("[1]"))
                .hasMessageContaining("expected a JSON object");
    }

    @Test
    void anImpossibleNetworkIsRefusedBeforeAnythingTrains() {
        Path runDir = dataDir.resolve("runs").resolve("refused");
        TrainCommand command = parse("--run-dir", runDir.toString(), "--epochs", "1", "--train-limit", "100",
                // 28 -> conv 3: 26 -> pool 4: 6, and block 2's kernel 7 does not fit a 6x6 map.
                "--architecture", "{\"blocks\":[{\"filters\":4,\"kernel\":3,\"pool\":{\"type\":\"max\",\"size\":4}},"
                        + "{\"filters\":4,\"kernel\":7}]}");
        assertThat(command.call()).isEqualTo(2);
        assertThat(new RunFolder(runDir).hasRecord()).isFalse();
    }

    @Test
    void anEditedNetworkTrainsAndIsRecorded() {
        Path runDir = dataDir.resolve("runs").resolve("edited");
        TrainCommand command = parse("--run-dir", runDir.toString(), "--epochs", "1", "--train-limit", "200",
                "--architecture", SMALL);
        assertThat(command.call()).isZero();
        RunRecord record = new RunFolder(runDir).readRecord();
        assertThat(record.status()).isEqualTo(RunStatus.COMPLETED);
        CnnSettings settings = (CnnSettings) new CnnSpec().settings(record.config());
        assertThat(settings.architecture().compact()).isEqualTo("conv4-pool4 / flatten");
        assertThat(settings.architecture()).isEqualTo(settings.architecture().check());
        assertThat(settings.network()).isNotEqualTo(CnnArchitecture.SEED);
        assertThat(new RunFolder(runDir).hasParameters(CnnSpec.NAME)).isTrue();
    }

    @Test
    void theCuresAreFlagsToo() {
        Path runDir = dataDir.resolve("runs").resolve("cured");
        TrainCommand command = parse("--run-dir", runDir.toString(), "--epochs", "2", "--train-limit", "200",
                "--dropout", "0.25", "--patience", "2", "--l2", "0.0005", "--l1", "0.00001", "--schedule", "cosine");
        assertThat(command.call()).isZero();
        RunRecord record = new RunFolder(runDir).readRecord();
        assertThat(record.status()).isEqualTo(RunStatus.COMPLETED);
        CnnSettings settings = (CnnSettings) new CnnSpec().settings(record.config());
        assertThat(settings.network().dense()).extracting(CnnArchitecture.DenseLayer::dropout).containsExactly(0.25);
        assertThat(settings.network().blocks()).isEqualTo(CnnArchitecture.SEED.check().blocks());
        assertThat(settings.patience()).isEqualTo(2);
        assertThat(settings.l2()).isEqualTo(0.0005);
        assertThat(settings.l1()).isEqualTo(0.00001);
        assertThat(settings.schedule()).isEqualTo("cosine");
        assertThat(record.test().bestEpoch()).as("early stopping names the epoch it tested").isBetween(1, 2);
    }

    @Test
    void aDropoutOutOfRangeOrWithoutADenseLayerIsRefused() {
        Path tooMuch = dataDir.resolve("runs").resolve("too-much");
        assertThat(parse("--run-dir", tooMuch.toString(), "--dropout", "1.5").call()).isEqualTo(2);
        assertThat(new RunFolder(tooMuch).hasRecord()).isFalse();
        Path noDense = dataDir.resolve("runs").resolve("no-dense");
        assertThat(parse("--run-dir", noDense.toString(), "--dropout", "0.25", "--architecture", SMALL).call())
                .isEqualTo(2);
        assertThat(new RunFolder(noDense).hasRecord()).isFalse();
    }
}
