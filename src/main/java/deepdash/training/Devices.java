package deepdash.training;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Turns the user's device choice into a DJL device, with a clear message when it cannot be had. */
public final class Devices {

    private Devices() {
    }

    public static Device resolve(String choice) {
        int gpus = Engine.getInstance().getGpuCount();
        String wanted = choice == null ? "auto" : choice;
        return switch (wanted) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new IllegalArgumentException("device: gpu was requested but MXNet sees no GPU here "
                            + "(the bundled MXNet build is CPU-only; see the README's GPU section)");
                }
                yield Device.gpu();
            }
            case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
            default -> throw new IllegalArgumentException("device: expected auto, cpu or gpu, got " + wanted);
        };
    }
}
