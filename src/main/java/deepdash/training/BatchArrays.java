package deepdash.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A full batch's input and target arrays, made once per run and refilled for every batch through
 * two native-order direct buffers. Making them anew each batch cost two array creations and two
 * zeroed direct buffers per batch (DJL copies a heap array through a fresh direct buffer).
 * Owned by the trainer's manager, so they are freed with it.
 */
final class BatchArrays {

    private final NDArray inputs;
    private final NDArray targets;
    private final FloatBuffer inputBuffer;
    private final FloatBuffer targetBuffer;

    BatchArrays(NDManager manager, Shape inputShape, Shape targetShape) {
        this.inputs = manager.create(inputShape, DataType.FLOAT32);
        this.targets = manager.create(targetShape, DataType.FLOAT32);
        this.inputBuffer = direct(inputShape.size());
        this.targetBuffer = direct(targetShape.size());
    }

    /** The inputs array, holding {@code values} (exactly one full batch). */
    NDArray inputs(float[] values) {
        return fill(inputs, inputBuffer, values);
    }

    /** The targets array, holding {@code values} (exactly one full batch). */
    NDArray targets(float[] values) {
        return fill(targets, targetBuffer, values);
    }

    private static NDArray fill(NDArray array, FloatBuffer buffer, float[] values) {
        buffer.clear();
        buffer.put(values, 0, buffer.capacity());
        buffer.flip();
        array.set(buffer);
        return array;
    }

    private static FloatBuffer direct(long floats) {
        return ByteBuffer.allocateDirect(Math.toIntExact(floats * Float.BYTES)).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }
}
