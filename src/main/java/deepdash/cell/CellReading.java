package deepdash.cell;

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
     * The sentence for one step.
     *
     * @param first whether this is the window's first step (nothing carried in yet)
     */
    public static String of(CellStep step, boolean first) {
        Map<String, double[]> gates = step.gates();
        List<String> parts = new ArrayList<>();
        if (gates.containsKey(LstmCell.FORGET)) {
            parts.add(part("forget gate", gates.get(LstmCell.FORGET), first
                    ? "nothing is carried yet at the first step" : forget(shown(gates.get(LstmCell.FORGET)))));
            parts.add(part("input gate", gates.get(LstmCell.INPUT), input(shown(gates.get(LstmCell.INPUT)))));
            parts.add(part("output gate", gates.get(LstmCell.OUTPUT), output(shown(gates.get(LstmCell.OUTPUT)))));
        } else if (gates.containsKey(GruCell.UPDATE)) {
            parts.add(part("update gate", gates.get(GruCell.UPDATE), first
                    ? "the state starts at zero, so what is kept is nothing"
                    : update(shown(gates.get(GruCell.UPDATE)))));
            parts.add(part("reset gate", gates.get(GruCell.RESET), first
                    ? "there is no previous state to reset yet" : reset(shown(gates.get(GruCell.RESET)))));
        } else {
            double[] hidden = step.hidden();
            int saturated = 0;
            double sumAbs = 0;
            for (double h : hidden) {
                sumAbs += Math.abs(h);
                saturated += Math.abs(h) > 0.95 ? 1 : 0;
            }
            parts.add(String.format(Locale.US, "hidden state mean |h| %.2f, %d of %d units near ±1: no gate "
                    + "decides what to keep, tanh rewrites the whole state at every step", sumAbs / hidden.length,
                    saturated, hidden.length));
        }
        return String.join("; ", parts) + ".";
    }

    private static String part(String name, double[] values, String meaning) {
        return String.format(Locale.US, "%s mean %.2f: %s", name, mean(values), meaning);
    }

    private static String forget(double m) {
        return band(m, "the cell keeps most of what it carried", "the cell keeps more than half of what it carried",
                "the cell keeps less than half of what it carried", "the cell wipes almost all of what it carried");
    }

    private static String input(double m) {
        return band(m, "most of the candidate is written in", "more than half of the candidate is written in",
                "less than half of the candidate gets in", "almost none of the candidate gets in");
    }

    private static String output(double m) {
        return band(m, "most of the cell shows in the hidden state",
                "more than half of the cell shows in the hidden state",
                "less than half of the cell shows in the hidden state", "the cell is almost hidden from the next layer");
    }

    private static String update(double m) {
        return band(m, "the state keeps most of what it was", "the state keeps more than half of what it was",
                "the new candidate replaces more than half of the state",
                "the new candidate replaces almost all of the state");
    }

    private static String reset(double m) {
        return band(m, "the candidate reads most of the previous state",
                "the candidate reads more than half of the previous state",
                "the candidate reads less than half of the previous state",
                "the candidate ignores almost all of the previous state");
    }

    /** A gate's mean in words: at least 0.8, at least 0.5, at least 0.2, below. */
    private static String band(double mean, String high, String overHalf, String underHalf, String low) {
        return mean >= 0.8 ? high : mean >= 0.5 ? overHalf : mean >= 0.2 ? underHalf : low;
    }
}
