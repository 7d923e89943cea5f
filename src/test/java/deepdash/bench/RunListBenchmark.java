package deepdash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.runs.RunStore;
import deepdash.support.SyntheticRuns;
import deepdash.support.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How fast the run listing answers with 1,000 runs in the store: the API, the Runs page, the
 * table fragment the filters swap in, and a comparison of 10 runs. Prints median and p95 over
 * many requests after a warm-up. Run with
 * {@code mvn -B -o test -Dgroups=bench -DexcludedGroups= -Dtest=RunListBenchmark}.
 */
@Tag("bench")
class RunListBenchmark {

    static final int RUNS = 1_000;
    static final int EPOCHS = 10;
    static final int WARM_UP = 30;
    static final int MEASURED = 200;

    @TempDir
    Path dataDir;

    @Test
    void listWithAThousandRuns() {
        long writeStart = System.nanoTime();
        SyntheticRuns.Written written = SyntheticRuns.write(new RunStore(dataDir.resolve("runs")), RUNS, EPOCHS);
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        long startNanos = System.nanoTime();
        try (TestServer server = TestServer.start(dataDir)) {
            double startSeconds = (System.nanoTime() - startNanos) / 1e9;
            Map<String, String> requests = new LinkedHashMap<>();
            requests.put("GET /api/runs (50)", "/api/runs");
            requests.put("GET /api/runs?limit=500", "/api/runs?limit=500");
            requests.put("GET /api/runs?model=lstm&status=failed", "/api/runs?model=lstm&status=failed");
            requests.put("GET /runs (page 1, 50 rows)", "/runs");
            requests.put("GET /runs?offset=950 (last page)", "/runs?offset=950");
            requests.put("GET /runs/table?status=completed", "/runs/table?status=completed");
            requests.put("GET /runs/compare (10 runs)", "/runs/compare?ids=" + String.join(",",
                    written.newestFirst().subList(0, 10)));

            System.out.printf(Locale.ROOT, "%n%d runs of %d epochs: written in %.1f s, server start (loads them all) "
                    + "%.2f s%n", RUNS, EPOCHS, writeSeconds, startSeconds);
            System.out.printf(Locale.ROOT, "%-42s %9s %9s %9s %9s%n", "request", "median ms", "p95 ms", "max ms", "KB");
            for (Map.Entry<String, String> request : requests.entrySet()) {
                int bytes = 0;
                for (int i = 0; i < WARM_UP; i++) {
                    bytes = get(server, request.getValue()).body().length();
                }
                double[] millis = new double[MEASURED];
                for (int i = 0; i < MEASURED; i++) {
                    long t = System.nanoTime();
                    get(server, request.getValue());
                    millis[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(millis);
                System.out.printf(Locale.ROOT, "%-42s %9.2f %9.2f %9.2f %9.1f%n", request.getKey(),
                        millis[MEASURED / 2], millis[(int) Math.ceil(MEASURED * 0.95) - 1], millis[MEASURED - 1],
                        bytes / 1024.0);
            }
        }
    }

    static HttpResponse<String> get(TestServer server, String path) {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

}
