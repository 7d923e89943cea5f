package deepdash.runs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeviceLabelTest {

    @Test
    void djlDeviceNamesReadAsPeopleSayThem() {
        assertThat(DeviceLabel.of("cpu()")).isEqualTo("CPU");
        assertThat(DeviceLabel.of("cpu(0)")).isEqualTo("CPU");
        assertThat(DeviceLabel.of("gpu(0)")).isEqualTo("GPU 0");
        assertThat(DeviceLabel.of("gpu(3)")).isEqualTo("GPU 3");
        assertThat(DeviceLabel.of(null)).isEmpty();
        assertThat(DeviceLabel.of(" ")).isEmpty();
        assertThat(DeviceLabel.of("tpu-pod")).isEqualTo("tpu-pod");
    }

    @Test
    void theEpochLogFormatsNumbersAsTheLiveRowsDo() {
        assertThat(RunPanelView.number(0.123456)).isEqualTo("0.1235");
        assertThat(RunPanelView.number(Double.NaN)).isEqualTo("–");
        assertThat(RunPanelView.number(null)).isEqualTo("–");
        assertThat(RunPanelView.rate(0.001)).isEqualTo("0.001");
        assertThat(RunPanelView.rate(0.0015)).isEqualTo("0.0015");
        assertThat(RunPanelView.rate(1.25e-5)).isEqualTo("1.25e-5");
        assertThat(RunPanelView.rate(1e-4)).isEqualTo("1.00e-4");
        assertThat(RunPanelView.rate(null)).isEqualTo("–");
        assertThat(RunPanelView.seconds(3.456)).isEqualTo("3.5");
    }
}
