package deepdash.training;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.protocol.Progress;
import deepdash.protocol.WorkerProtocol;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worker's lines for the evaluation passes and the per-step loss. */
class JsonLinesReporterTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final JsonLinesReporter reporter = new JsonLinesReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void theStartOfAPassAlwaysGoesOutAndItsBatchesAtMostFiveASecond() {
        reporter.evaluating("testing", 0, 10_000);
        reporter.evaluating("testing", 512, 10_000);
        reporter.evaluating("testing", 1024, 10_000);
        List<String> lines = lines();
        assertThat(lines.get(0)).isEqualTo(WorkerProtocol.PREFIX
                + "{\"type\":\"evaluating\",\"data\":{\"phase\":\"testing\",\"done\":0,\"total\":10000}}");
        // The first line let the throttle through; the batches right after it wait their turn.
        assertThat(lines).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void progressCarriesThePerStepLossAndItsStep() {
        reporter.progress(new Progress(2, 3, 5, 10, 0.5, 12, 0.42));
        assertThat(lines()).singleElement().asString().startsWith(WorkerProtocol.PREFIX + "{\"type\":\"progress\"")
                .contains("\"batchLoss\":0.42", "\"step\":15", "\"fractionDone\":0.5");
    }
}
