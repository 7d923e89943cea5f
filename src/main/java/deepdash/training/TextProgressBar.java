package deepdash.training;

import deepdash.protocol.EpochMetrics;
import deepdash.protocol.Progress;
import deepdash.protocol.TestResult;
import java.io.PrintStream;
import java.util.Locale;

/** A Keras-like progress bar for people running {@code train} in a terminal. */
public final class TextProgressBar implements TrainingListener {

    private static final int WIDTH = 30;
    private final PrintStream out;

    public TextProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public void started(String device, int epochs, int batches, int trainSamples, int validationSamples) {
        out.printf(Locale.ROOT, "Training on %s: %d epochs, %d training and %d validation samples%n", device,
                epochs, trainSamples, validationSamples);
    }

    @Override
    public void progress(Progress p) {
        int filled = (int) ((long) WIDTH * p.batch() / p.batches());
        String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
        out.printf(Locale.ROOT, "\rEpoch %d/%d %5d/%d [%s] loss %.4f  ETA %s   ", p.epoch(), p.epochs(), p.batch(),
                p.batches(), bar, p.loss(), formatSeconds(p.etaSeconds()));
        out.flush();
    }

    @Override
    public void epoch(EpochMetrics m) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "\rEpoch %d: %.1fs, %.0f samples/s, loss %.4f",
                m.epoch(), m.epochSeconds(), m.samplesPerSecond(), m.loss()));
        if (m.accuracy() != null) {
            line.append(String.format(Locale.ROOT, ", accuracy %.4f, val_loss %.4f, val_accuracy %.4f",
                    m.accuracy(), m.valLoss(), m.valAccuracy()));
        }
        if (m.mae() != null) {
            line.append(String.format(Locale.ROOT, ", mae %.4f, val_loss %.4f, val_mae %.4f", m.mae(), m.valLoss(),
                    m.valMae()));
        }
        out.println(line + " ".repeat(20));
    }

    @Override
    public void tested(TestResult result, double trainSeconds) {
        if (result.accuracy() != null) {
            out.printf(Locale.ROOT, "Test: accuracy %.4f, loss %.4f on %d samples. Total %.1fs%n", result.accuracy(),
                    result.loss(), result.samples(), trainSeconds);
        } else {
            out.printf(Locale.ROOT, "Test: loss %.6f, mae %.6f on %d samples. Total %.1fs%n", result.loss(),
                    result.mae(), result.samples(), trainSeconds);
        }
    }

    static String formatSeconds(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "--";
        }
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }
}
