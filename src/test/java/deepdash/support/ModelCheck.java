package deepdash.support;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import deepdash.engine.EngineSettings;
import deepdash.model.CnnArchitecture;
import deepdash.model.CnnSpec;
import deepdash.model.ModelFiles;
import java.nio.file.Path;

/**
 * Proves that a saved CNN is usable, as a prediction service would use it: a fresh block, the
 * parameters loaded from the folder, one prediction on an all-zero image. A half-written file
 * fails here.
 */
public final class ModelCheck {

    private ModelCheck() {
    }

    /** The ten logits for a blank image; throws if the model does not load or predict. */
    public static synchronized float[] predictBlankDigit(Path modelDir) {
        EngineSettings.applyToThisProcess();
        try (Model model = Model.newInstance(CnnSpec.NAME, Device.cpu())) {
            model.setBlock(CnnArchitecture.SEED.newBlock());
            ModelFiles.load(model, modelDir);
            try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator());
                    NDManager manager = model.getNDManager().newSubManager()) {
                NDList output = predictor.predict(new NDList(manager.zeros(CnnArchitecture.INPUT_SHAPE)));
                float[] logits = output.singletonOrThrow().toFloatArray();
                if (logits.length != CnnArchitecture.CLASSES) {
                    throw new IllegalStateException("expected " + CnnArchitecture.CLASSES + " outputs, got "
                            + logits.length);
                }
                for (float logit : logits) {
                    if (!Float.isFinite(logit)) {
                        throw new IllegalStateException("the model predicts a non-finite value");
                    }
                }
                return logits;
            }
        } catch (TranslateException e) {
            throw new IllegalStateException("prediction failed: " + e.getMessage(), e);
        }
    }
}
