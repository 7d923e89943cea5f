package deepdash.training;

import deepdash.i18n.Messages;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.Progress;
import deepdash.protocol.TestResult;
import java.io.PrintStream;
import java.util.Locale;

/** A Keras-like progress bar for people running {@code train} in a terminal. */
public final class TextProgressBar implements TrainingListener {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final Messages texts;

    public TextProgressBar(PrintStream out) {
        this(out, Messages.ENGLISH);
    }

    /** A bar whose words are in {@code texts}' language; its numbers read the same in every language. */
    public TextProgressBar(PrintStream out, Messages texts) {
        this.out = out;
        this.texts = texts;
    }

    @Override
    public void started(String device, int epochs, int batches, int trainSamples, int validationSamples) {
        out.println(texts.get("cli.progress.started", device, epochs, trainSamples, validationSamples));
    }

    @Override
    public void progress(Progress p) {
        int filled = (int) ((long) WIDTH * p.batch() / p.batches());
        String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
        out.print("\r" + texts.get("cli.progress.batch", p.epoch(), p.epochs(), String.format(Locale.ROOT, "%5d",
                p.batch()), p.batches(), bar, String.format(Locale.ROOT, "%.4f", p.loss()),
                formatSeconds(p.etaSeconds())) + "   ");
        out.flush();
    }

    @Override
    public void epoch(EpochMetrics m) {
        StringBuilder line = new StringBuilder("\r" + texts.get("cli.progress.epoch", m.epoch(),
                String.format(Locale.ROOT, "%.1f", m.epochSeconds()),
                String.format(Locale.ROOT, "%.0f", m.samplesPerSecond()), String.format(Locale.ROOT, "%.4f", m.loss())));
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
            out.println(texts.get("cli.progress.test_accuracy", String.format(Locale.ROOT, "%.4f", result.accuracy()),
                    String.format(Locale.ROOT, "%.4f", result.loss()), result.samples(),
                    String.format(Locale.ROOT, "%.1f", trainSeconds)));
        } else {
            out.println(texts.get("cli.progress.test_mae", String.format(Locale.ROOT, "%.6f", result.loss()),
                    String.format(Locale.ROOT, "%.6f", result.mae()), result.samples(),
                    String.format(Locale.ROOT, "%.1f", trainSeconds)));
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
