package deepdash.cell;

import deepdash.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one step's numbers out loud: each gate's mean over the units and what that mean does to
 * the state, e.g. "forget gate mean 0.93: the cell keeps most of what it carried".
 */
public final class CellReading {

    private CellReading() {
    }

    /** The mean of the values. */
    public static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    /** The mean as the sentence prints it (two decimals), so the words never contradict the number shown. */
    private static double shown(double[] values) {
        return Math.round(mean(values) * 100) / 100.0;
    }

    /**
     * The sentence for one step, in English.
     *
     * @param first whether this is the window's first step (nothing carried in yet)
     */
    public static String of(CellStep step, boolean first) {
        return of(step, first, Messages.ENGLISH);
    }

    /** The sentence for one step in {@code t}'s language; the means read the same in every language. */
    public static String of(CellStep step, boolean first, Messages t) {
        Map<String, double[]> gates = step.gates();
        List<String> parts = new ArrayList<>();
        if (gates.containsKey(LstmCell.FORGET)) {
            parts.add(part(t, "cell.gate.forget", gates.get(LstmCell.FORGET), first
                    ? "cell.reading.forget.first" : band(shown(gates.get(LstmCell.FORGET)), "cell.reading.forget")));
            parts.add(part(t, "cell.gate.input", gates.get(LstmCell.INPUT),
                    band(shown(gates.get(LstmCell.INPUT)), "cell.reading.input")));
            parts.add(part(t, "cell.gate.output", gates.get(LstmCell.OUTPUT),
                    band(shown(gates.get(LstmCell.OUTPUT)), "cell.reading.output")));
        } else if (gates.containsKey(GruCell.UPDATE)) {
            parts.add(part(t, "cell.gate.update", gates.get(GruCell.UPDATE), first
                    ? "cell.reading.update.first" : band(shown(gates.get(GruCell.UPDATE)), "cell.reading.update")));
            parts.add(part(t, "cell.gate.reset", gates.get(GruCell.RESET), first
                    ? "cell.reading.reset.first" : band(shown(gates.get(GruCell.RESET)), "cell.reading.reset")));
        } else {
            double[] hidden = step.hidden();
            int saturated = 0;
            double sumAbs = 0;
            for (double h : hidden) {
                sumAbs += Math.abs(h);
                saturated += Math.abs(h) > 0.95 ? 1 : 0;
            }
            parts.add(t.get("cell.reading.rnn", String.format(Locale.US, "%.2f", sumAbs / hidden.length), saturated,
                    hidden.length));
        }
        return t.get("cell.reading.sentence", String.join(t.get("cell.reading.separator"), parts));
    }

    private static String part(Messages t, String gateKey, double[] values, String meaningKey) {
        return t.get("cell.reading.part", t.get(gateKey), String.format(Locale.US, "%.2f", mean(values)),
                t.get(meaningKey));
    }

    /** A gate's mean in words: at least 0.8, at least 0.5, at least 0.2, below; the key of the band's sentence. */
    private static String band(double mean, String key) {
        return key + (mean >= 0.8 ? ".high" : mean >= 0.5 ? ".over_half" : mean >= 0.2 ? ".under_half" : ".low");
    }
}
