package deepdash.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.json.Json;
import deepdash.protocol.RunStatus;
import deepdash.support.SyntheticRuns;
import deepdash.support.SyntheticRuns.Written;
import deepdash.support.TestServer;
import java.net.http.HttpResponse;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A store of 1,000 runs: the list API and the Runs page answer with the right page and total.
 * How fast is measured in {@code RunListBenchmark}, not asserted here.
 */
@Timeout(300)
class ThousandRunsTest {

    static final int RUNS = 1_000;

    static Written written;
    @RegisterExtension
    static final TestServer server = TestServer.perClass()
            .withData(dir -> written = SyntheticRuns.write(new RunStore(dir.resolve("runs")), RUNS, 5));

    @Test
    void theListApiPagesThroughAllOfThem() throws Exception {
        HttpResponse<String> first = server.get("/api/runs");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Total-Count")).contains("1000");
        JsonNode runs = Json.mapper().readTree(first.body());
        assertThat(runs).hasSize(50);
        assertThat(runs.get(0).get("id").asText()).isEqualTo(SyntheticRuns.id(RUNS - 1));

        JsonNode biggest = Json.mapper().readTree(server.get("/api/runs?limit=500&offset=500").body());
        assertThat(biggest).hasSize(500);
        assertThat(biggest.get(499).get("id").asText()).isEqualTo(SyntheticRuns.id(0));

        HttpResponse<String> lstmFailed = server.get("/api/runs?model=lstm&status=failed&limit=500");
        long expected = IntStream.range(0, RUNS)
                .filter(i -> SyntheticRuns.isLstm(i) && SyntheticRuns.status(i) == RunStatus.FAILED).count();
        assertThat(lstmFailed.headers().firstValue("X-Total-Count")).contains(Long.toString(expected));
        assertThat(Json.mapper().readTree(lstmFailed.body())).hasSize((int) expected);
    }

    @Test
    void theRunsPageShowsOnePageOfFifty() {
        HttpResponse<String> page = server.get("/runs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("1–50 of 1,000", SyntheticRuns.id(RUNS - 1));
        assertThat(page.body().split("<tr data-run-id=").length - 1).isEqualTo(50);

        HttpResponse<String> lastPage = server.htmxGet("/runs/table?offset=950");
        assertThat(lastPage.body()).contains("951–1,000 of 1,000", SyntheticRuns.id(0));

        HttpResponse<String> compare = server.get("/runs/compare?ids=" + String.join(",",
                written.newestFirst().subList(0, 10)));
        assertThat(compare.statusCode()).isEqualTo(200);
    }
}
