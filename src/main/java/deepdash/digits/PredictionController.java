package deepdash.digits;

import deepdash.i18n.Text;
import deepdash.web.BadRequestException;
import deepdash.web.Templates;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The draw page and the prediction API.
 *
 * <ul>
 *   <li>{@code GET /draw}: the page; {@code ?model=<run id>} selects that run's model.</li>
 *   <li>{@code POST /api/predict}: {@code {"pixels":[784 numbers]}} or
 *       {@code {"image":"data:image/png;base64,..."}}, optionally with {@code "run"}, answers
 *       {@code {"digit","probabilities","run","input"}}. With {@code ?featureMaps=true} the answer
 *       also holds {@code featureMaps}, the activations of every convolution layer for this input
 *       (see {@link FeatureMapLayer}). They travel with the prediction, not from a separate
 *       "last input" endpoint, so two tabs drawing at once can never see each other's maps and the
 *       server keeps no per-browser state.</li>
 *   <li>{@code GET /api/predict/models}: the models the selector offers, newest run first; {@code isDefault} marks the most accurate.</li>
 * </ul>
 */
public final class PredictionController {

    public static final String DRAW_PAGE = "/draw";
    public static final String PREDICT = "/api/predict";
    public static final String MODELS = "/api/predict/models";
    public static final String FEATURE_MAPS_PARAM = "featureMaps";
    /** {@code /draw?model=<run id>} opens the page with that model selected ("Open in Draw"). */
    public static final String MODEL_PARAM = "model";

    /**
     * A canvas export of a drawn digit is tens of kilobytes; a 1024x1024 PNG of noise (the largest
     * the decoder accepts) would be far more than this, and nothing useful needs it.
     */
    public static final long DEFAULT_MAX_BODY_BYTES = 2L * 1024 * 1024;

    private final PredictionService predictions;
    private final Templates templates;
    private final long maxBodyBytes;

    /**
     * @param maxBodyBytes largest prediction request accepted; larger ones get 413
     */
    public PredictionController(PredictionService predictions, Templates templates, long maxBodyBytes) {
        this.predictions = predictions;
        this.templates = templates;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void register(JavalinConfig config) {
        config.routes.get(DRAW_PAGE, this::page);
        config.routes.post(PREDICT, this::predict);
        config.routes.get(MODELS, ctx -> ctx.json(predictions.models()));
    }

    private void page(Context ctx) {
        templates.render(ctx, "digits/draw.jte", DrawPageView.selecting(predictions.models(),
                ctx.queryParam(MODEL_PARAM)));
    }

    private void predict(Context ctx) {
        // Refuse by the declared length before reading anything; a chunked body declares none and
        // is measured once read (the server-wide request limit caps what that read can cost).
        long declaredBytes = ctx.req().getContentLengthLong();
        if (declaredBytes > maxBodyBytes) {
            throw tooLarge(declaredBytes);
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > maxBodyBytes) {
            throw tooLarge(body.length);
        }
        PredictRequest request = PredictRequest.parse(new String(body, StandardCharsets.UTF_8));
        boolean withFeatureMaps = featureMapsWanted(ctx);
        Prediction prediction = request.image() != null
                ? predictions.predictImage(request.image(), request.run(), withFeatureMaps)
                : predictions.predictPixels(request.pixels(), request.run(), withFeatureMaps);
        ctx.json(prediction);
    }

    private static boolean featureMapsWanted(Context ctx) {
        String value = ctx.queryParam(FEATURE_MAPS_PARAM);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.isEmpty() || value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new BadRequestException(FEATURE_MAPS_PARAM, Text.of("error.form.boolean", value));
    }

    private BadRequestException tooLarge(long bodyBytes) {
        return new BadRequestException(413, "body", Text.of("error.predict.too_large",
                String.format(Locale.US, "%,d", bodyBytes), String.format(Locale.US, "%,d", maxBodyBytes)));
    }
}
