package deepdash.mistakes;

import deepdash.i18n.Text;
import deepdash.web.BadRequestException;
import java.util.Locale;

/** Which images a model is evaluated on. */
public enum EvaluationSet {
    /** The 10,000 MNIST test images: computed once, kept in the run folder. */
    TEST,
    /** The user's saved drawings: computed on every request, since drawings come and go. */
    PERSONAL;

    public static final String PARAM = "set";

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code ?set=}: absent means {@link #TEST}. */
    public static EvaluationSet parse(String value) {
        if (value == null || value.isEmpty()) {
            return TEST;
        }
        for (EvaluationSet set : values()) {
            if (set.wireName().equals(value)) {
                return set;
            }
        }
        throw new BadRequestException(PARAM, Text.of("error.evaluation.set", value));
    }
}
