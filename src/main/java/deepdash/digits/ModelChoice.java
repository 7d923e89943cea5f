package deepdash.digits;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import deepdash.i18n.Messages;
import deepdash.i18n.Text;
import java.time.Instant;
import java.util.List;

/**
 * A trained CNN the draw page can predict with: a completed run with saved parameters, or the
 * model that ships in the jar.
 *
 * @param id what {@code POST /api/predict} takes as {@code run}
 * @param label the run's name (or id) and how it was trained, in English: what {@code GET /api/models}
 *     has always said
 * @param testAccuracy accuracy on the 10,000 MNIST test images; null if the run did not record it
 * @param createdAt when the run was created
 * @param isDefault true for the one model used when a request names none: the best (see {@link #best})
 * @param name the name a person gave the run; null for none and for the shipped model
 * @param labelText {@code label} before it is worded, so the draw page shows it in its reader's
 *     language; not in the API's JSON
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelChoice(String id, String label, Double testAccuracy, Instant createdAt, boolean isDefault,
        String name, @JsonIgnore Text labelText) {

    /** A choice whose label is worded, in English, from {@code labelText}. */
    public ModelChoice(String id, Text labelText, Double testAccuracy, Instant createdAt, boolean isDefault,
            String name) {
        this(id, Messages.ENGLISH.format(labelText), testAccuracy, createdAt, isDefault, name, labelText);
    }

    /** A choice whose label is the same in every language. */
    public ModelChoice(String id, String label, Double testAccuracy, Instant createdAt, boolean isDefault,
            String name) {
        this(id, label, testAccuracy, createdAt, isDefault, name, null);
    }

    /** {@link #label()} in {@code t}'s language. */
    public String label(Messages t) {
        return labelText == null ? label : t.format(labelText);
    }

    /**
     * The model with the highest test accuracy. On a tie the earlier in {@code choices} wins, and a
     * model without a recorded accuracy never beats one with it: a run must be better, not just
     * newer, to replace the one people were drawing with.
     *
     * @param choices not empty
     */
    public static ModelChoice best(List<ModelChoice> choices) {
        ModelChoice best = choices.get(0);
        for (ModelChoice choice : choices) {
            if (choice.testAccuracy() != null
                    && (best.testAccuracy() == null || choice.testAccuracy() > best.testAccuracy())) {
                best = choice;
            }
        }
        return best;
    }

    /** This model, marked as the default. */
    public ModelChoice asDefault() {
        return new ModelChoice(id, label, testAccuracy, createdAt, true, name, labelText);
    }
}
