package deepdash.digits;

/**
 * The activations of one convolution layer (after its ReLU) for one input, ready to draw: one grey
 * tile per filter, as ConvNetJS shows them.
 *
 * <p>{@code levels} holds {@code filters * heightPixels * widthPixels} unsigned bytes, filter by
 * filter, each tile row-major. Every filter is scaled on its own so that its strongest activation is
 * 255 and zero stays 0; a filter that never fires is all 0. Jackson writes a {@code byte[]} as
 * base64, so a page decodes it with {@code atob} and puts the bytes straight into
 * {@code ImageData}: about 40 KB for all three layers of the seed CNN, where JSON numbers would
 * take several times that.
 *
 * @param layer Keras-style layer name ({@code conv2d}, {@code conv2d_1}, ...)
 * @param filters number of tiles
 * @param heightPixels rows of each tile
 * @param widthPixels columns of each tile
 * @param maxActivations the strongest activation of each filter, the value drawn as 255
 * @param levels the tiles, 0..255 each
 */
public record FeatureMapLayer(String layer, int filters, int heightPixels, int widthPixels,
        float[] maxActivations, byte[] levels) {
}
