package deepdash.model;

/**
 * One row of the architecture summary, like a row of Keras's {@code model.summary()}.
 *
 * @param name Keras-style layer name ({@code conv2d_1})
 * @param type layer type, with its activation when DJL keeps that as a separate block
 * @param outputShape DJL's output shape, batch dimension shown as {@code N}
 * @param params number of trainable parameters
 * @param formula the arithmetic behind {@code params}, e.g. {@code 3x3x1x32+32 = 320}
 */
public record LayerSummary(String name, String type, String outputShape, long params, String formula) {
}
