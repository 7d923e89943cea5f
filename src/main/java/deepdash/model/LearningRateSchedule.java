package deepdash.model;

import deepdash.i18n.Text;
import java.util.List;
import java.util.Locale;

/**
 * How the learning rate changes while a run trains, the seed's "learning-rate adjustment":
 *
 * <ul>
 *   <li>{@code constant}: the learning rate throughout (the seed's Adam);</li>
 *   <li>{@code step}: halved every {@code stepEpochs} epochs;</li>
 *   <li>{@code cosine}: from the learning rate down to a hundredth of it along half a cosine, batch by batch;</li>
 *   <li>{@code onecycle}: from a 25th of the learning rate up to it over the first 30% of the batches, then
 *       down to a 10,000th of it along half a cosine (Smith's one-cycle policy as fastai sets it).</li>
 * </ul>
 *
 * <p>Pure arithmetic on the batch count, so the worker's optimizer and the CNN page's preview plot
 * read the same numbers.
 *
 * @param type one of {@link #TYPES}
 * @param learningRate the base (constant, step, cosine) or peak (onecycle) learning rate
 * @param stepEpochs for {@code step}: epochs between two halvings
 */
public record LearningRateSchedule(String type, double learningRate, int stepEpochs) {

    public static final String CONSTANT = "constant";
    public static final String STEP = "step";
    public static final String COSINE = "cosine";
    public static final String ONE_CYCLE = "onecycle";
    public static final List<String> TYPES = List.of(CONSTANT, STEP, COSINE, ONE_CYCLE);
    public static final int DEFAULT_STEP_EPOCHS = 3;
    public static final double STEP_FACTOR = 0.5;
    static final double COSINE_FLOOR = 0.01;
    static final double ONE_CYCLE_START = 1.0 / 25;
    static final double ONE_CYCLE_END = 1e-4;
    static final double ONE_CYCLE_WARM_UP = 0.3;

    public LearningRateSchedule {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown schedule " + type);
        }
    }

    public static LearningRateSchedule constant(double learningRate) {
        return new LearningRateSchedule(CONSTANT, learningRate, DEFAULT_STEP_EPOCHS);
    }

    /**
     * The learning rate for one batch.
     *
     * @param batch the batch's number in the whole run, from 0
     * @param batchesPerEpoch batches in one epoch
     * @param epochs epochs in the run
     */
    public double rateAt(long batch, int batchesPerEpoch, int epochs) {
        long total = Math.max(1, (long) batchesPerEpoch * epochs);
        double progress = Math.min(1.0, Math.max(0, batch) / (double) total);
        return switch (type) {
            case STEP -> learningRate * Math.pow(STEP_FACTOR, (batch / Math.max(1, batchesPerEpoch)) / stepEpochs);
            case COSINE -> cosine(learningRate, learningRate * COSINE_FLOOR, progress);
            case ONE_CYCLE -> progress < ONE_CYCLE_WARM_UP
                    ? learningRate * ONE_CYCLE_START + (learningRate - learningRate * ONE_CYCLE_START)
                            * progress / ONE_CYCLE_WARM_UP
                    : cosine(learningRate, learningRate * ONE_CYCLE_END,
                            (progress - ONE_CYCLE_WARM_UP) / (1 - ONE_CYCLE_WARM_UP));
            default -> learningRate;
        };
    }

    /** From {@code from} at 0 to {@code to} at 1 along half a cosine. */
    private static double cosine(double from, double to, double progress) {
        return to + (from - to) * (1 + Math.cos(Math.PI * progress)) / 2;
    }

    /** "constant", "step ×0.5 every 3 epochs", "cosine", "one-cycle". */
    public String describe() {
        return switch (type) {
            case STEP -> String.format(Locale.ROOT, "step ×%.1f every %d epoch%s", STEP_FACTOR, stepEpochs,
                    stepEpochs == 1 ? "" : "s");
            case ONE_CYCLE -> "one-cycle";
            default -> type;
        };
    }

    /** {@link #describe()} as a text to word in the reader's language. */
    public Text text() {
        return type.equals(STEP)
                ? Text.of(stepEpochs == 1 ? "schedule.type.step.one" : "schedule.type.step",
                        String.format(Locale.ROOT, "%.1f", STEP_FACTOR), stepEpochs)
                : Text.of("schedule.type." + type);
    }
}
