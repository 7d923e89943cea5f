package deepdash.engine;

import ai.djl.engine.Engine;

/**
 * How many GPUs MXNet sees in the server, so a run that asks for one can be refused at creation
 * with a 400 that says why instead of failing a second later in its worker. Asked once, on the
 * MXNet thread, and only when someone asks for a GPU.
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
}
