package deepdash.cnn;

import deepdash.errors.UserError;
import deepdash.i18n.Messages;
import java.util.Map;

/**
 * Input of {@code cnn/formError.jte}: why the train form was refused, in the words of the form. The
 * API names fields as its JSON does ({@code learningRate: must be a number}); the form's reader sees
 * the label next to the input instead ({@code Learning rate: must be a number}).
 *
 * @param input the name of the form input at fault, which the page marks {@code aria-invalid}; null
 *     when no single input is (a full queue, an architecture refused by the editor)
 * @param message the whole message for the reader
 */
public record TrainFormError(String input, String message) {

    /** The DOM id of the region next to the form that shows the error. */
    public static final String REGION_ID = "train-errors";
    /** The DOM id of the message itself, which the invalid input's {@code aria-describedby} names. */
    public static final String MESSAGE_ID = "train-error-message";

    /** The train form's inputs by the API's field names, with the keys of their labels on the page. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("epochs", "cnn.epochs"),
            Map.entry("batchSize", "cnn.batchSize"),
            Map.entry("learningRate", "cnn.learningRate"),
            Map.entry("trainLimit", "cnn.trainImages"),
            Map.entry("device", "cnn.device"),
            Map.entry("l2", "cnn.l2"),
            Map.entry("l1", "cnn.l1"),
            Map.entry("schedule", "cnn.schedule"),
            Map.entry("stepEpochs", "cnn.stepEpochs"),
            Map.entry("patience", "cnn.patience"),
            Map.entry("architecture", "cnn.architecture"));

    /** The form's words for {@code error}: the field's label in place of its API name. */
    public static TrainFormError of(UserError error) {
        return of(error, Messages.ENGLISH);
    }

    /** {@link #of(UserError)} in {@code t}'s language: the label and the message both. */
    public static TrainFormError of(UserError error, Messages t) {
        String field = error.field();
        String message = error.message(t);
        if (field == null) {
            return new TrainFormError(null, message);
        }
        // "architecture.blocks[1].kernel" is the architecture input's; the editor above names the layer.
        String input = field.startsWith("architecture") ? "architecture" : field;
        String labelKey = LABELS.get(input);
        if (labelKey == null) {
            return new TrainFormError(null, message);
        }
        String label = t.get(labelKey);
        String prefix = field + ": ";
        if (message == null || !message.startsWith(prefix)) {
            // A message that names its own place ("block 3: kernel 5 does not fit a 3x3 map").
            return new TrainFormError(inputToMark(input), label + ": " + message);
        }
        String detail = message.substring(prefix.length());
        String where = input.equals(field) ? label : label + " (" + field.substring(input.length() + 1) + ")";
        return new TrainFormError(inputToMark(input), where + ": " + detail);
    }

    /** The architecture is a hidden input the editor fills: nothing there for the reader to mark. */
    private static String inputToMark(String input) {
        return "architecture".equals(input) ? null : input;
    }
}
