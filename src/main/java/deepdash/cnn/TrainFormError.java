package deepdash.cnn;

import deepdash.errors.UserError;
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

    /** The train form's inputs by the API's field names, with their labels on the page. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("epochs", "Epochs"),
            Map.entry("batchSize", "Batch size"),
            Map.entry("learningRate", "Learning rate"),
            Map.entry("trainLimit", "Training images"),
            Map.entry("device", "Device"),
            Map.entry("l2", "L2 weight decay"),
            Map.entry("l1", "L1 penalty"),
            Map.entry("schedule", "Learning-rate schedule"),
            Map.entry("stepEpochs", "Step every N epochs"),
            Map.entry("patience", "Early stopping patience"),
            Map.entry("architecture", "Architecture"));

    /** The form's words for {@code error}: the field's label in place of its API name. */
    public static TrainFormError of(UserError error) {
        String field = error.field();
        String message = error.getMessage();
        if (field == null) {
            return new TrainFormError(null, message);
        }
        // "architecture.blocks[1].kernel" is the architecture input's; the editor above names the layer.
        String input = field.startsWith("architecture") ? "architecture" : field;
        String label = LABELS.get(input);
        if (label == null) {
            return new TrainFormError(null, message);
        }
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
