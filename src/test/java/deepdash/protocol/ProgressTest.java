package deepdash.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import deepdash.json.Json;
import org.junit.jupiter.api.Test;

/** The fraction done is computed once, here, and travels with every progress event. */
class ProgressTest {

    @Test
    void countsBatchesOverAllEpochs() {
        assertThat(new Progress(1, 4, 0, 10, 0.5, 9).fractionDone()).isZero();
        assertThat(new Progress(2, 4, 5, 10, 0.5, 9).fractionDone()).isCloseTo(15 / 40.0, within(1e-12));
        assertThat(new Progress(4, 4, 10, 10, 0.5, 0).fractionDone()).isEqualTo(1.0);
        assertThat(new Progress(0, 0, 0, 0, 0, 0).fractionDone()).isZero();
    }

    @Test
    void isSentWithTheEventAndReadBackWithoutIt() throws Exception {
        Progress progress = new Progress(2, 4, 5, 10, 0.25, 12.5);
        String json = Json.write(progress);
        assertThat(json).contains("\"fractionDone\":0.375");
        assertThat(Json.mapper().readValue(json, Progress.class)).isEqualTo(progress);
    }
}
