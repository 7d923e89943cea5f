package deepdash.history;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.runs.RunStore;
import deepdash.support.SyntheticRuns;
import deepdash.support.SyntheticRuns.Written;
import deepdash.support.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compare never overlays a classifier's loss with a forecaster's: each kind gets its own loss
 * charts, with a note saying why; runs of one kind share theirs. Forecasters' errors say "scaled".
 */
@Timeout(120)
class CompareKindsTest {

    @TempDir
    Path dataDir;

    @Test
    void classifiersAndForecastersGetTheirOwnLossCharts() {
        // Run 3 is an LSTM run (every fourth is), runs 1 and 2 are CNN runs.
        Written written = SyntheticRuns.write(new RunStore(dataDir.resolve("runs")), 4, 2);
        assertThat(SyntheticRuns.isLstm(3)).isTrue();
        assertThat(SyntheticRuns.isLstm(1) || SyntheticRuns.isLstm(2)).isFalse();
        try (TestServer server = TestServer.start(dataDir)) {
            HttpResponse<String> mixed = server.get("/runs/compare?ids=" + String.join(",",
                    written.ids().subList(1, 4)));
            assertThat(mixed.statusCode()).isEqualTo(200);
            String html = mixed.body();
            for (String key : List.of("loss", "val_loss")) {
                assertThat(html).contains("data-compare-metric=\"" + key + "\" data-log-scale=\"true\" "
                        + "data-compare-kind=\"classifier\"", "data-compare-metric=\"" + key + "\" "
                        + "data-log-scale=\"true\" data-compare-kind=\"forecaster\"");
                assertThat(html).doesNotContain("data-compare-metric=\"" + key + "\" data-log-scale=\"true\" "
                        + "data-compare-kind=\"\"");
            }
            assertThat(html).contains("data-role=\"charts-note\"", "different scales", "val_mae (scaled)");
            assertThat(html).contains("&#34;kind&#34;:&#34;forecaster&#34;", "&#34;kind&#34;:&#34;classifier&#34;");

            String korean = server.get("/runs/compare?lang=ko&ids=" + String.join(",", written.ids().subList(1, 4)))
                    .body();
            assertThat(korean).contains("val_mae (스케일한 값)", "val_loss · 분류 모델 (교차 엔트로피)",
                    "loss · 예측 모델 (MSE, 스케일한 값)", "다른 척도로").doesNotContain("different scales", "(scaled)");

            HttpResponse<String> same = server.get("/runs/compare?ids=" + written.ids().get(1) + ","
                    + written.ids().get(2));
            assertThat(same.body()).contains("data-compare-metric=\"loss\" data-log-scale=\"true\" "
                    + "data-compare-kind=\"\"").doesNotContain("data-role=\"charts-note\"");
        }
    }
}
