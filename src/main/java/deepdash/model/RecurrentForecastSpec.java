package deepdash.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * What the seed-shaped price models share (see {@link RecurrentArchitecture}): the series-forecast
 * task, MAE as the key metric, {@link SeriesSettings}, and a summary that shows Keras's count beside
 * DJL's. A subclass says which recurrent layer it stacks and how Keras counts that layer.
 */
public abstract class RecurrentForecastSpec implements ModelSpec {

    private static final NumberFormat THOUSANDS = NumberFormat.getIntegerInstance(Locale.US);

    private final String name;
    private final String title;
    private final SummaryBuilder.KerasLayer keras;

    /**
     * @param keras the Keras layer the recurrent layer stands for, and whether Keras keeps both of
     *     MXNet's bias vectors per gate
     */
    protected RecurrentForecastSpec(String name, String title, SummaryBuilder.KerasLayer keras) {
        this.name = name;
        this.title = title;
        this.keras = keras;
    }

    /** One batch-first recurrent layer of {@code units} units that returns its whole sequence and no state. */
    protected abstract Block newLayer(int units);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final Task task() {
        return Task.SERIES_FORECAST;
    }

    @Override
    public final KeyMetric keyMetric() {
        return KeyMetric.MAE;
    }

    @Override
    public final Class<SeriesSettings> settingsType() {
        return SeriesSettings.class;
    }

    @Override
    public final Block newBlock() {
        return RecurrentArchitecture.newBlock(this::newLayer);
    }

    /** The layers the run's recipe asks for: the seed's sigmoid head or a linear one for returns. */
    @Override
    public final Block newBlock(ModelSettings settings) {
        return RecurrentArchitecture.newBlock(this::newLayer, ((SeriesSettings) settings).recipeOrDefault());
    }

    @Override
    public final ModelSummary summarize(ModelSettings settings, int window) {
        SequentialBlock block = RecurrentArchitecture.newBlock(this::newLayer,
                ((SeriesSettings) settings).recipeOrDefault());
        ModelSummary summary = SummaryBuilder.summarize(name, block, inputShape(window), null, keras);
        return summary.withNote(note(summary.totalParams(), summary.kerasParams()));
    }

    @Override
    public final Shape inputShape(int window) {
        return RecurrentArchitecture.inputShape(window);
    }

    /** Only the output shapes depend on the window; the parameter counts do not. */
    @Override
    public final ModelSummary summarize(int window) {
        SequentialBlock block = RecurrentArchitecture.newBlock(this::newLayer);
        ModelSummary summary = SummaryBuilder.summarize(name, block, inputShape(window), null, keras);
        return summary.withNote(note(summary.totalParams(), summary.kerasParams()));
    }

    /** What the summary says about the two counts. */
    protected String note(long djlParams, long kerasParams) {
        return "Shapes are batch-first (N, days, values), as Keras's (None, days, values). DJL counts "
                + thousands(djlParams) + " parameters where Keras's summary of the same layers says "
                + thousands(kerasParams) + ": MXNet's " + keras.djlType() + " (which DJL uses) keeps two bias "
                + "vectors per gate, one for the input and one for the recurrent connection, while Keras's "
                + keras.type() + " keeps one. Each " + keras.type() + " layer therefore has " + keras.gates()
                + " x units more parameters here; the arithmetic column shows both counts. A gate's two biases "
                + "are simply added together, so both can compute exactly the same functions.";
    }

    protected static String thousands(long count) {
        return THOUSANDS.format(count);
    }
}
