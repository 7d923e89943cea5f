package deepdash.cnn;

import deepdash.i18n.Messages;
import deepdash.model.CnnSettings;
import deepdash.model.LearningRateSchedule;
import java.util.Locale;

/**
 * Input of {@code cnn/schedule.jte}: the learning rate batch by batch over a run with the form's
 * settings, as an SVG polyline, from the same {@link LearningRateSchedule} the worker's optimizer reads.
 *
 * @param points the polyline's points in the plot's coordinates ({@link #WIDTH} by {@link #HEIGHT})
 * @param description the schedule in words, for the caption and screen readers
 * @param peak the largest learning rate on the plot (the top of the y axis)
 * @param epochs the run's epochs (the right end of the x axis)
 */
public record SchedulePreviewView(String points, String description, String peak, int epochs) {

    public static final int WIDTH = 320;
    public static final int HEIGHT = 110;
    private static final int SAMPLES = 160;
    private static final double VALIDATION_SPLIT = 0.2;

    /** The preview for checked settings, described in English. */
    public static SchedulePreviewView of(CnnSettings checked) {
        return of(checked, Messages.ENGLISH);
    }

    /** The preview for checked settings, described in {@code t}'s language. */
    public static SchedulePreviewView of(CnnSettings checked, Messages t) {
        LearningRateSchedule schedule = checked.trainingOptions().schedule();
        int images = checked.trainLimit() == null ? CnnSettings.MNIST_TRAIN_IMAGES : checked.trainLimit();
        int fitImages = images - (int) Math.round(images * VALIDATION_SPLIT);
        int batches = Math.max(1, (fitImages + checked.batchSize() - 1) / checked.batchSize());
        int epochs = checked.epochs();
        long total = (long) batches * epochs;
        double[] rates = new double[SAMPLES + 1];
        double max = 0;
        for (int i = 0; i <= SAMPLES; i++) {
            rates[i] = schedule.rateAt(Math.min(total - 1, Math.round(i * (total - 1) / (double) SAMPLES)), batches,
                    epochs);
            max = Math.max(max, rates[i]);
        }
        StringBuilder points = new StringBuilder();
        for (int i = 0; i <= SAMPLES; i++) {
            double x = WIDTH * i / (double) SAMPLES;
            double y = HEIGHT - HEIGHT * rates[i] / max;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        String name = schedule.type().equals(LearningRateSchedule.STEP)
                ? t.get(schedule.stepEpochs() == 1 ? "schedule.type.step.one" : "schedule.type.step",
                        String.format(Locale.ROOT, "%.1f", LearningRateSchedule.STEP_FACTOR), schedule.stepEpochs())
                : t.has("schedule.type." + schedule.type()) ? t.get("schedule.type." + schedule.type()) : schedule.describe();
        String description = t.get(epochs == 1 ? "schedule.description.one" : "schedule.description", name,
                rate(rates[0]), rate(rates[SAMPLES]), epochs, batches);
        return new SchedulePreviewView(points.toString().trim(), description, rate(max), epochs);
    }

    private static String rate(double value) {
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
