package deepdash.engine;

import ai.djl.engine.Engine;
import deepdash.protocol.RunConfig;
import deepdash.protocol.RunFolder;
import deepdash.runs.InvalidRunConfigException;
import deepdash.runs.RunService.RunConfigChecker;

/**
 * Refuses {@code device: gpu} at run creation when MXNet sees no GPU, so the user gets a 400 that
 * says why instead of a run that fails a second later in its worker. Asked once, on the MXNet thread.
 */
public final class GpuAvailability {

    private final MxnetDispatcher mxnet;
    private volatile Integer gpuCount;

    public GpuAvailability(MxnetDispatcher mxnet) {
        this.mxnet = mxnet;
    }

    public int gpuCount() {
        Integer count = gpuCount;
        if (count == null) {
            count = mxnet.call(() -> Engine.getInstance().getGpuCount());
            gpuCount = count;
        }
        return count;
    }

    /** Wraps a model's checker with the GPU check; its {@code prepare} step is kept. */
    public RunConfigChecker checking(RunConfigChecker checker) {
        return new RunConfigChecker() {
            @Override
            public RunConfig apply(RunConfig requested) {
                RunConfig config = checker.apply(requested);
                if ("gpu".equals(config.device()) && gpuCount() == 0) {
                    throw new InvalidRunConfigException("device", "gpu was requested but MXNet sees no GPU here "
                            + "(the bundled MXNet build is CPU-only; see the README's GPU section); use auto or cpu");
                }
                return config;
            }

            @Override
            public void prepare(RunConfig checked, RunFolder folder) {
                checker.prepare(checked, folder);
            }
        };
    }
}
