package deepdash.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import deepdash.errors.UserError;
import deepdash.i18n.Messages;
import deepdash.i18n.Text;
import deepdash.protocol.RunConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cures as CNN run settings: checked with the field named, defaulted, and described for compare. */
class CnnCuresSettingsTest {

    static CnnSettings settings(Double l2, Double l1, String schedule, Integer stepEpochs, Integer patience) {
        return new CnnSettings(10, 32, 0.001, 1000, "cpu", null, l2, l1, schedule, stepEpochs, patience);
    }

    static void refused(CnnSettings settings, String field, String words) {
        assertThatThrownBy(() -> settings.check(null)).isInstanceOf(UserError.class)
                .satisfies(e -> assertThat(((UserError) e).field()).isEqualTo(field))
                .hasMessageContaining(words);
    }

    @Test
    void theSeedsSettingsCheckToNoCure() {
        CnnSettings checked = CnnSettings.DEFAULTS.check(null);
        TrainingOptions options = checked.trainingOptions();
        assertThat(options.l2()).isZero();
        assertThat(options.l1()).isZero();
        assertThat(options.schedule().type()).isEqualTo(LearningRateSchedule.CONSTANT);
        assertThat(options.earlyStopping()).isFalse();
        assertThat(words(checked.details(), Messages.ENGLISH)).containsEntry("earlyStopping", "off")
                .containsEntry("l2", "none");
        assertThat(words(checked.details(), Messages.KOREAN)).containsEntry("earlyStopping", "끔")
                .containsEntry("l2", "없음");
    }

    @Test
    void badValuesNameTheirField() {
        refused(settings(-0.1, null, null, null, null), "l2", "0 to 0.1");
        refused(settings(0.5, null, null, null, null), "l2", "got 0.5");
        refused(settings(null, Double.NaN, null, null, null), "l1", "0 to 0.01");
        refused(settings(null, null, "linear", null, null), "schedule", "constant, step, cosine, onecycle");
        refused(settings(null, null, "cosine", 2, null), "stepEpochs", "only to the step schedule");
        refused(settings(null, null, "step", 0, null), "stepEpochs", "between 1 and");
        refused(settings(null, null, null, null, 0), "patience", "between 1 and");
    }

    @Test
    void curesReadFromJsonAndShowInTheSummaryAndDetails() {
        CnnSpec spec = new CnnSpec();
        ModelSettings read = spec.read(new RunConfig("cnn", deepdash.json.Json.mapper().createObjectNode()
                .put("epochs", 4).put("l2", 0.0005).put("l1", 0.00001).put("schedule", "step").put("stepEpochs", 2)
                .put("patience", 3)));
        CnnSettings checked = (CnnSettings) read.check(null);
        TrainingOptions options = checked.trainingOptions();
        assertThat(options.l2()).isEqualTo(0.0005);
        assertThat(options.l1()).isEqualTo(0.00001);
        assertThat(options.schedule()).isEqualTo(new LearningRateSchedule("step", 0.001, 2));
        assertThat(options.patience()).isEqualTo(3);
        assertThat(checked.summaryParts()).map(Messages.ENGLISH::format).contains("L2 0.0005", "L1 0.00001",
                "step ×0.5 every 2 epochs", "early stopping 3");
        assertThat(checked.summaryParts()).map(Messages.KOREAN::format).contains("L2 가중치 감쇠 0.0005",
                "L1 페널티 0.00001", "2 에포크마다 ×0.5씩 계단", "조기 종료 (인내 3)");
        assertThat(words(checked.details(), Messages.ENGLISH))
                .containsEntry("earlyStopping", "patience 3, best epoch restored")
                .containsEntry("schedule", "step ×0.5 every 2 epochs");
        assertThat(words(checked.details(), Messages.KOREAN))
                .containsEntry("earlyStopping", "인내 3 에포크, 가장 좋았던 에포크로 되돌림");
        // A run made before the cures existed reads as none of them.
        CnnSettings old = (CnnSettings) spec.settings(spec.config(new CnnSettings(2, 32, 0.001, null, "cpu")));
        assertThat(old.trainingOptions()).isEqualTo(TrainingOptions.plain(0.001));
    }

    /** The settings' values worded in {@code t}'s language, by setting id. */
    static Map<String, String> words(Map<String, Text> details, Messages t) {
        Map<String, String> words = new LinkedHashMap<>();
        details.forEach((id, value) -> words.put(id, value == null ? null : t.format(value)));
        return words;
    }
}
