package deepdash.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import deepdash.model.CnnSettings;
import deepdash.model.CnnSpec;
import deepdash.protocol.RunRecord;
import deepdash.protocol.RunStatus;
import deepdash.web.BadRequestException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunQueryTest {

    static final Set<String> MODELS = Set.of("cnn", "lstm");

    static RunQuery parse(Map<String, String> params) {
        return RunQuery.parse(params::get, MODELS);
    }

    static void refused(Map<String, String> params, String field) {
        assertThatThrownBy(() -> parse(params)).as(params.toString())
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith(field + ":");
                });
    }

    @Test
    void defaultsToTheFirstFiftyOfAllRuns() {
        RunQuery query = parse(Map.of());
        assertThat(query).isEqualTo(RunQuery.firstPage());
        assertThat(query.limit()).isEqualTo(50);
        assertThat(query.offset()).isZero();
        assertThat(query.model()).isNull();
        assertThat(query.statuses()).isEmpty();
        assertThat(parse(Map.of("model", "", "status", " ", "limit", "", "offset", ""))).isEqualTo(query);
    }

    @Test
    void readsFiltersAndPaging() {
        RunQuery query = parse(Map.of("model", "lstm", "status", "failed,interrupted", "limit", "500", "offset", "950"));
        assertThat(query.model()).isEqualTo("lstm");
        assertThat(query.statuses()).containsExactlyInAnyOrder(RunStatus.FAILED, RunStatus.INTERRUPTED);
        assertThat(query.statusParam()).isEqualTo("failed,interrupted");
        assertThat(query.limit()).isEqualTo(500);
        assertThat(query.offset()).isEqualTo(950);
        assertThat(parse(Map.of("limit", "0")).limit()).as("a count only").isZero();
    }

    @Test
    void refusesWhatItDoesNotKnowNamingTheParameter() {
        refused(Map.of("model", "rnn"), "model");
        refused(Map.of("status", "done"), "status");
        refused(Map.of("status", "completed,,bogus"), "status");
        refused(Map.of("limit", "-1"), "limit");
        refused(Map.of("limit", "501"), "limit");
        refused(Map.of("limit", "99999999999999999999"), "limit");
        refused(Map.of("limit", "ten"), "limit");
        refused(Map.of("limit", "1.5"), "limit");
        refused(Map.of("offset", "-5"), "offset");
        refused(Map.of("offset", "3000000000"), "offset");
    }

    @Test
    void matchesOnModelAndStatus() {
        RunRecord cnn = RunRecord.queued("20260101-000000-aaaaaa", CnnSpec.runConfig(CnnSettings.DEFAULTS),
                Instant.EPOCH);
        assertThat(parse(Map.of("model", "cnn", "status", "queued")).matches(cnn)).isTrue();
        assertThat(parse(Map.of("model", "lstm")).matches(cnn)).isFalse();
        assertThat(parse(Map.of("status", "running,completed")).matches(cnn)).isFalse();
    }
}
