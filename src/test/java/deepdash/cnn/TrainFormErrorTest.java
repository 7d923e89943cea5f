package deepdash.cnn;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.errors.UserError;
import deepdash.model.InvalidRunConfigException;
import deepdash.web.BadRequestException;
import org.junit.jupiter.api.Test;

class TrainFormErrorTest {

    @Test
    void aFieldIsNamedByItsLabelAndItsInputIsMarked() {
        TrainFormError error = TrainFormError.of(new BadRequestException("learningRate", "must be a number, got \"abc\""));
        assertThat(error.message()).isEqualTo("Learning rate: must be a number, got \"abc\"");
        assertThat(error.input()).isEqualTo("learningRate");
        assertThat(TrainFormError.of(new InvalidRunConfigException("patience", "must be at least 1")).message())
                .isEqualTo("Early stopping patience: must be at least 1");
    }

    @Test
    void theHiddenArchitectureKeepsItsPathAndMarksNothing() {
        TrainFormError error = TrainFormError.of(new BadRequestException("architecture.blocks[0].size",
                "unknown field"));
        assertThat(error.message()).isEqualTo("Architecture (blocks[0].size): unknown field");
        assertThat(error.input()).isNull();
    }

    @Test
    void anErrorWithoutAKnownFieldIsShownAsItIs() {
        assertThat(TrainFormError.of(new UserError(503, null, "the queue is full; try again later")))
                .isEqualTo(new TrainFormError(null, "the queue is full; try again later"));
        assertThat(TrainFormError.of(new BadRequestException("model", "unknown model")))
                .isEqualTo(new TrainFormError(null, "model: unknown model"));
    }
}
