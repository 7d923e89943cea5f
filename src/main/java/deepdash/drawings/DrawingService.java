package deepdash.drawings;

import deepdash.digits.CanvasImageDecoder;
import deepdash.digits.DigitPreprocessor;
import deepdash.digits.InvalidDigitInputException;
import deepdash.digits.LabeledDigit;
import deepdash.digits.ModelChoice;
import deepdash.digits.PredictionService;
import deepdash.errors.UserError;
import deepdash.i18n.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * The personal test set: drawings saved with the digit the user says they are, and how every
 * trained CNN reads them.
 *
 * <p>A saved drawing's 28x28 input is made exactly as {@code POST /api/predict} makes it, with the
 * same decoder and preprocessor and so the same refusals (an empty canvas, an oversized or damaged
 * PNG). Scores are computed on request against the drawings as they are now, so a run that
 * completes later is scored on every drawing, including those saved before it started.
 */
public final class DrawingService {

    private final DrawingStore store;
    private final PredictionService predictions;
    private final CanvasImageDecoder decoder = new CanvasImageDecoder();
    private final DigitPreprocessor preprocessor = new DigitPreprocessor();

    public DrawingService(DrawingStore store, PredictionService predictions) {
        this.store = store;
        this.predictions = predictions;
    }

    /**
     * Saves a drawing with its label.
     *
     * @param dataUrl the canvas as {@code data:image/png;base64,...}
     * @param label the digit the user says it is
     * @throws UserError 400 naming {@code image} or {@code label}; 409 when the set is full
     */
    public Drawing save(String dataUrl, int label) {
        checkLabel(label);
        byte[] png;
        float[] pixels;
        try {
            png = decoder.pngBytes(dataUrl);
            pixels = preprocessor.toMnistPixels(decoder.decodeChecked(png));
        } catch (InvalidDigitInputException e) {
            // The same status and message as /api/predict gives, with the field named for the API.
            throw new UserError(e.status(), "image", e.getMessage(), e);
        }
        return store.save(png, label, pixels);
    }

    public DrawingListing list() {
        return store.list();
    }

    /** @throws DrawingNotFoundException when there is no such drawing */
    public Drawing get(String id) {
        return store.get(id);
    }

    /** The canvas PNG as it was sent. */
    public byte[] png(String id) {
        return store.png(id);
    }

    /** @throws UserError 400 naming {@code label}; 404 when there is no such drawing */
    public Drawing relabel(String id, int label) {
        checkLabel(label);
        return store.relabel(id, label);
    }

    /** @throws DrawingNotFoundException when there is no such drawing */
    public void delete(String id) {
        store.delete(id);
    }

    /** The personal test set as the evaluation reads it: every readable drawing, newest first. */
    public List<LabeledDigit> labeledDigits() {
        return store.labeledDigits();
    }

    public int maxDrawings() {
        return store.maxDrawings();
    }

    /** How every completed CNN model (newest run first, the shipped model last) reads {@code drawings}. */
    public List<ModelScore> scores(List<Drawing> drawings) {
        List<float[]> inputs = drawings.stream().map(Drawing::pixels).toList();
        List<ModelScore> scores = new ArrayList<>();
        for (ModelChoice model : predictions.models()) {
            List<float[]> probabilities;
            try {
                probabilities = predictions.predictPixels(model.id(), inputs);
            } catch (UserError e) {
                // The run was deleted between listing the models and reading with it.
                continue;
            }
            int correct = 0;
            List<ModelScore.Miss> misses = new ArrayList<>();
            for (int i = 0; i < drawings.size(); i++) {
                int read = argMax(probabilities.get(i));
                if (read == drawings.get(i).label()) {
                    correct++;
                } else {
                    misses.add(new ModelScore.Miss(drawings.get(i), read, probabilities.get(i)[read]));
                }
            }
            scores.add(new ModelScore(model, correct, drawings.size(), misses));
        }
        return scores;
    }

    static void checkLabel(int label) {
        if (label < 0 || label > 9) {
            throw UserError.badRequest("label", Text.of("error.drawing.label", label));
        }
    }

    private static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
