package deepdash.model;

/**
 * One row of the architecture summary, like a row of Keras's {@code model.summary()}.
 *
 * @param name Keras-style layer name ({@code conv2d_1})
 * @param type layer type, with its activation when DJL keeps that as a separate block
 * @param outputShape DJL's output shape, batch dimension shown as {@code N}
 * @param params number of trainable parameters
 * @param formula the arithmetic behind {@code params}, e.g. {@code 3x3x1x32+32 = 320}
 * @param multiplyAdds multiply-adds for one input: a convolution's
 *     {@code out_h x out_w x out_c x (k x k x in_c)}, a dense layer's {@code in x out}, a recurrent
 *     layer's {@code steps x gates x units x (in + units)}; 0 for every other layer (pooling,
 *     normalisation, activations and bias additions are not counted)
 */
public record LayerSummary(String name, String type, String outputShape, long params, String formula,
        long multiplyAdds) {
}
