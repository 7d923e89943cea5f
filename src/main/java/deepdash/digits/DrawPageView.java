package deepdash.digits;

import java.util.List;
import java.util.Locale;

/**
 * Input of {@code digits/draw.jte}.
 *
 * @param models what the model selector offers, the default first
 */
public record DrawPageView(List<ModelChoice> models) {

    /** The model selected when the page opens. */
    public String defaultModelId() {
        return models.stream().filter(ModelChoice::isDefault).findFirst().orElse(models.get(0)).id();
    }

    /** The selector's text for one model: its label and, when known, its test accuracy. */
    public String optionText(ModelChoice model) {
        return model.testAccuracy() == null ? model.label()
                : String.format(Locale.ROOT, "%s · test accuracy %.2f%%", model.label(), 100 * model.testAccuracy());
    }
}
