package deepdash.digits;

import java.util.List;

/**
 * One input's share of a forward pass, copied out of native memory on the MXNet thread: plain Java
 * values that the request thread turns into a {@link Prediction}.
 *
 * @param logits the model's ten outputs before the softmax
 * @param convolutions each convolution layer's activations after its ReLU; empty unless asked for
 */
record Activations(float[] logits, List<RawMaps> convolutions) {

    /**
     * One convolution layer's activations for one input, filter by filter, each tile row-major.
     *
     * @param values {@code filters * heightPixels * widthPixels} activations
     */
    record RawMaps(int filters, int heightPixels, int widthPixels, float[] values) {
    }
}
