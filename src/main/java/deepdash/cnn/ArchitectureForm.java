package deepdash.cnn;

import deepdash.model.ArchitectureException;
import deepdash.model.CnnArchitecture;
import deepdash.model.CnnArchitecture.ConvBlock;
import deepdash.model.CnnArchitecture.DenseLayer;
import deepdash.model.CnnArchitecture.Padding;
import deepdash.model.CnnArchitecture.PoolLayer;
import deepdash.web.FormFields;
import java.util.ArrayList;
import java.util.List;

/**
 * The architecture editor's fields, as typed: four block slots and three dense slots, each switched
 * on or off (block 1 is always on), so the form never has to grow or shrink while someone types.
 * Field names are {@code b0.filters}, {@code b0.pool}, {@code d1.units}...
 *
 * @param head {@code flatten} or {@code gap}
 */
public record ArchitectureForm(List<BlockFields> blocks, String head, List<DenseFields> dense) {

    /** What a slot that is switched on for the first time starts with. */
    private static final BlockFields SPARE_BLOCK = new BlockFields(0, false, "64", "3", "1", "valid", "relu", "max",
            "2", "", false, "0");
    private static final DenseFields SPARE_DENSE = new DenseFields(0, false, "64", "0");

    /**
     * One convolution block's fields.
     *
     * @param pool {@code none}, {@code max} or {@code avg}
     * @param poolStride blank: the pool's size
     */
    public record BlockFields(int index, boolean on, String filters, String kernel, String stride, String padding,
            String activation, String pool, String poolSize, String poolStride, boolean batchNorm, String dropout) {

        /** The field's form name, e.g. {@code b2.kernel}. */
        public String name(String field) {
            return "b" + index + "." + field;
        }

        /** What people call it: {@code block 3}. */
        public String label() {
            return "block " + (index + 1);
        }
    }

    /** One hidden dense layer's fields. */
    public record DenseFields(int index, boolean on, String units, String dropout) {

        public String name(String field) {
            return "d" + index + "." + field;
        }

        public String label() {
            return "dense " + (index + 1);
        }
    }

    private static final List<String> BLOCK_FIELDS = List.of("on", "filters", "kernel", "stride", "padding",
            "activation", "pool", "poolSize", "poolStride", "batchNorm", "dropout");
    private static final List<String> DENSE_FIELDS = List.of("on", "units", "dropout");

    /** Every field name the editor's form has, for {@link FormFields#expecting}. */
    public static String[] fieldNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < CnnArchitecture.MAX_BLOCKS; i++) {
            for (String field : BLOCK_FIELDS) {
                names.add("b" + i + "." + field);
            }
        }
        for (int i = 0; i < CnnArchitecture.MAX_DENSE; i++) {
            for (String field : DENSE_FIELDS) {
                names.add("d" + i + "." + field);
            }
        }
        names.add("head");
        return names.toArray(String[]::new);
    }

    /** The form showing a (checked) architecture; the slots it does not use are off. */
    public static ArchitectureForm of(CnnArchitecture architecture) {
        List<BlockFields> blocks = new ArrayList<>();
        for (int i = 0; i < CnnArchitecture.MAX_BLOCKS; i++) {
            if (i < architecture.blocks().size()) {
                ConvBlock b = architecture.blocks().get(i);
                PoolLayer pool = b.pool();
                blocks.add(new BlockFields(i, true, text(b.filters()), text(b.kernel()), text(b.stride()),
                        b.padding().toString(), b.activation(), pool == null ? "none" : pool.type(),
                        pool == null ? "2" : text(pool.size()),
                        pool == null || pool.stride().equals(pool.size()) ? "" : text(pool.stride()),
                        Boolean.TRUE.equals(b.batchNorm()), number(b.dropout())));
            } else {
                blocks.add(spareBlock(i));
            }
        }
        List<DenseFields> dense = new ArrayList<>();
        for (int i = 0; i < CnnArchitecture.MAX_DENSE; i++) {
            if (i < architecture.dense().size()) {
                DenseLayer d = architecture.dense().get(i);
                dense.add(new DenseFields(i, true, text(d.units()), number(d.dropout())));
            } else {
                dense.add(new DenseFields(i, false, SPARE_DENSE.units(), SPARE_DENSE.dropout()));
            }
        }
        return new ArchitectureForm(List.copyOf(blocks), architecture.head(), List.copyOf(dense));
    }

    private static BlockFields spareBlock(int index) {
        BlockFields s = SPARE_BLOCK;
        return new BlockFields(index, false, s.filters(), s.kernel(), s.stride(), s.padding(), s.activation(),
                s.pool(), s.poolSize(), s.poolStride(), s.batchNorm(), s.dropout());
    }

    /** The fields as posted; nothing is checked yet ({@link #architecture()} does that). */
    public static ArchitectureForm read(FormFields form) {
        List<BlockFields> blocks = new ArrayList<>();
        for (int i = 0; i < CnnArchitecture.MAX_BLOCKS; i++) {
            String p = "b" + i + ".";
            blocks.add(new BlockFields(i, i == 0 || form.optionalText(p + "on") != null, or(form, p + "filters"),
                    or(form, p + "kernel"), or(form, p + "stride"), or(form, p + "padding"),
                    or(form, p + "activation"), or(form, p + "pool"), or(form, p + "poolSize"),
                    or(form, p + "poolStride"), form.optionalText(p + "batchNorm") != null, or(form, p + "dropout")));
        }
        List<DenseFields> dense = new ArrayList<>();
        for (int i = 0; i < CnnArchitecture.MAX_DENSE; i++) {
            String p = "d" + i + ".";
            dense.add(new DenseFields(i, form.optionalText(p + "on") != null, or(form, p + "units"),
                    or(form, p + "dropout")));
        }
        String head = form.optionalText("head");
        return new ArchitectureForm(List.copyOf(blocks), head == null ? CnnArchitecture.FLATTEN : head,
                List.copyOf(dense));
    }

    /**
     * The checked architecture of the slots that are on.
     *
     * @throws ArchitectureException naming the layer of the first value that is not a number, out of
     *     range, or does not fit its map
     */
    public CnnArchitecture architecture() {
        List<ConvBlock> convs = new ArrayList<>();
        for (BlockFields b : blocks) {
            if (!b.on()) {
                continue;
            }
            String layer = b.label();
            PoolLayer pool = "none".equals(b.pool()) || b.pool().isEmpty() ? null
                    : new PoolLayer(b.pool(), whole(b.poolSize(), "pool size", layer),
                            whole(b.poolStride(), "pool stride", layer));
            convs.add(new ConvBlock(whole(b.filters(), "filters", layer), whole(b.kernel(), "kernel", layer),
                    whole(b.stride(), "stride", layer), padding(b.padding()), blankToNull(b.activation()), pool,
                    b.batchNorm(), fraction(b.dropout(), layer)));
        }
        List<DenseLayer> hidden = new ArrayList<>();
        for (DenseFields d : dense) {
            if (d.on()) {
                hidden.add(new DenseLayer(whole(d.units(), "units", d.label()), fraction(d.dropout(), d.label())));
            }
        }
        return new CnnArchitecture(convs, head, hidden).check();
    }

    private static Padding padding(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.chars().allMatch(Character::isDigit) ? Padding.of(Integer.parseInt(text)) : Padding.of(text);
    }

    private static Integer whole(String text, String name, String layer) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new ArchitectureException(name, layer, name + " must be a whole number, got \"" + text + "\"");
        }
    }

    private static Double fraction(String text, String layer) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new ArchitectureException("dropout", layer, "dropout must be a number, got \"" + text + "\"");
        }
    }

    private static String or(FormFields form, String field) {
        String value = form.optionalText(field);
        return value == null ? "" : value;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String text(Integer value) {
        return value == null ? "" : value.toString();
    }

    private static String number(Double value) {
        if (value == null || value == 0) {
            return "0";
        }
        return value == Math.rint(value) ? Long.toString(value.longValue()) : value.toString();
    }
}
