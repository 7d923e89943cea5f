package deepdash.model;

import deepdash.errors.UserError;

/**
 * A CNN architecture that cannot be built: a value out of range or a layer that does not fit the
 * map it gets. {@link #field()} is the JSON path of the value at fault
 * ({@code architecture.blocks[2].kernel}), {@link #layer()} the layer as people read it
 * ({@code block 3}); the message starts with the layer: "block 3: kernel 5 does not fit a 3x3 map".
 */
public class ArchitectureException extends UserError {

    private static final long serialVersionUID = 1L;

    private final String layer;

    public ArchitectureException(String field, String layer, String detail) {
        super(400, field, layer + ": " + detail);
        this.layer = layer;
    }

    @Override
    public String layer() {
        return layer;
    }
}
