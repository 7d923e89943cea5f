package deepdash.digits;

import deepdash.i18n.Messages;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Input of {@code digits/draw.jte}.
 *
 * @param models what the model selector offers, newest run first, the default (the most accurate) marked
 * @param selectedId the model selected when the page opens: the one {@code ?model=} names, else the default
 * @param missingId the id {@code ?model=} named when it could not be followed; null when it was, or when there was none
 */
public record DrawPageView(List<ModelChoice> models, String selectedId, String missingId) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** The default model selected. */
    public DrawPageView(List<ModelChoice> models) {
        this(models, defaultOf(models), null);
    }

    /**
     * With the model {@code asked} selected when it is offered; otherwise the default, and a notice
     * that says why.
     *
     * @param asked a model id from the address ({@code ?model=}), or null
     */
    public static DrawPageView selecting(List<ModelChoice> models, String asked) {
        if (asked == null || asked.isBlank()) {
            return new DrawPageView(models);
        }
        String id = asked.trim();
        if (models.stream().anyMatch(model -> model.id().equals(id))) {
            return new DrawPageView(models, id, null);
        }
        return new DrawPageView(models, defaultOf(models), id);
    }

    /** Why {@code ?model=} could not be followed, in English; null when it was, or when there was none. */
    public String notice() {
        return notice(Messages.ENGLISH);
    }

    public String notice(Messages t) {
        return missingId == null ? null : t.get("draw.noSuchModel", missingId);
    }

    private static String defaultOf(List<ModelChoice> models) {
        return models.stream().filter(ModelChoice::isDefault).findFirst().orElse(models.get(0)).id();
    }

    /** The model selected when the page opens. */
    public String defaultModelId() {
        return selectedId;
    }

    public boolean isSelected(ModelChoice model) {
        return model.id().equals(selectedId);
    }

    /**
     * The selector's text for one model, in full: its name (or id) and training, its test accuracy
     * and when it was made; "best" marks the default.
     */
    public String optionText(ModelChoice model) {
        return optionText(model, Messages.ENGLISH);
    }

    /** {@link #optionText(ModelChoice)} in {@code t}'s language. */
    public String optionText(ModelChoice model, Messages t) {
        StringBuilder text = new StringBuilder(model.label(t));
        if (model.testAccuracy() != null) {
            text.append(" · ").append(t.get("draw.option.accuracy",
                    String.format(Locale.ROOT, "%.2f%%", 100 * model.testAccuracy())));
        }
        if (model.createdAt() != null) {
            text.append(" · ").append(DATE.format(model.createdAt()));
        }
        if (model.isDefault()) {
            text.append(" · ").append(t.get("draw.option.best"));
        }
        return text.toString();
    }

    /** The selected model's text, shown in full under the selector where a narrow screen would cut it. */
    public String selectedText() {
        return selectedText(Messages.ENGLISH);
    }

    public String selectedText(Messages t) {
        return models.stream().filter(this::isSelected).findFirst().map(model -> optionText(model, t)).orElse("");
    }
}
