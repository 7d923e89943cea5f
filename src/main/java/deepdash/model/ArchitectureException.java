package deepdash.model;

import deepdash.errors.UserError;
import deepdash.i18n.Messages;
import deepdash.i18n.Text;

/**
 * A CNN architecture that cannot be built: a value out of range or a layer that does not fit the
 * map it gets. {@link #field()} is the JSON path of the value at fault
 * ({@code architecture.blocks[2].kernel}), {@link #layer()} the layer as people read it
 * ({@code block 3}); the message starts with the layer: "block 3: kernel 5 does not fit a 3x3 map".
 */
public class ArchitectureException extends UserError {

    private static final long serialVersionUID = 1L;

    private static final java.util.regex.Pattern LAYER =
            java.util.regex.Pattern.compile("([a-z]+)(?: (\\d+))?( pooling)?");

    private final String layer;

    public ArchitectureException(String field, String layer, String detail) {
        super(400, field, layer + ": " + detail);
        this.layer = layer;
    }

    /**
     * Worded from the bundles. {@code layer} is {@code network}, {@code head}, {@code block N},
     * {@code pool N} or {@code dense N}; the reader's language names it ({@code 블록 3}).
     */
    public ArchitectureException(String field, String layer, Text detail) {
        super(400, field, detail);
        this.layer = layer;
    }

    @Override
    public String getMessage() {
        // The Text constructor words the detail without the layer; the English message starts with it.
        return text() == null ? super.getMessage() : prefixedDetail(Messages.ENGLISH.format(text()), Messages.ENGLISH);
    }

    @Override
    protected String prefixedDetail(String worded, Messages messages) {
        return layerName(layer, messages) + ": " + worded;
    }

    /** {@code block 3} as the reader's language says it; a layer name not in the bundles as is. */
    public static String layerName(String layer, Messages messages) {
        if (layer == null) {
            return "";
        }
        java.util.regex.Matcher m = LAYER.matcher(layer);
        if (!m.matches()) {
            return layer;
        }
        String key = "layer." + m.group(1) + (m.group(3) == null ? "" : ".pooling");
        if (!messages.has(key)) {
            return layer;
        }
        return m.group(2) == null ? messages.get(key) : messages.get(key, m.group(2));
    }

    @Override
    public String layer() {
        return layer;
    }
}
