package deepdash.cnn;

import deepdash.json.Json;
import deepdash.model.CnnArchitecture;
import deepdash.model.ModelSummary;

/**
 * Input of {@code cnn/editor.jte}, {@code cnn/architecture.jte} and {@code cnn/train-state.jte}: the
 * editor's fields, and either the summary of the network they describe or why it cannot be built.
 *
 * @param summary null when the network cannot be built
 * @param error what is wrong, naming the layer ("block 3: kernel 5 does not fit a 3x3 map"); null when
 *     it can be built
 * @param architectureJson what the train form sends as its {@code architecture} field: the checked
 *     network as JSON, or "" for the seed's network (or when there is an error: Train is disabled then)
 */
public record ArchitectureEditorView(ArchitectureForm form, ModelSummary summary, String error,
        String architectureJson) {

    public static final String EDITOR_ID = "architecture-editor";
    public static final String SUMMARY_ID = "architecture-summary";

    static ArchitectureEditorView built(ArchitectureForm form, CnnArchitecture architecture, ModelSummary summary) {
        String json = architecture.equals(CnnArchitecture.SEED) ? "" : Json.write(architecture);
        return new ArchitectureEditorView(form, summary, null, json);
    }

    static ArchitectureEditorView refused(ArchitectureForm form, String error) {
        return new ArchitectureEditorView(form, null, error, "");
    }

    /** Whether Train can start a run with this network. */
    public boolean trainable() {
        return error == null;
    }

    public String updatePath() {
        return CnnPageController.ARCHITECTURE;
    }

    public String resetPath() {
        return CnnPageController.ARCHITECTURE_RESET;
    }
}
