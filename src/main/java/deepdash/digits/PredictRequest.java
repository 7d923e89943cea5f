package deepdash.digits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import deepdash.i18n.Text;
import deepdash.json.Json;
import deepdash.web.BadRequestException;
import java.util.Iterator;
import java.util.Set;

/**
 * The body of {@code POST /api/predict}: exactly one of {@code pixels} (an MNIST-style input) and
 * {@code image} (a canvas export), and optionally the {@code run} whose model should answer.
 *
 * <p>Parsed by hand rather than bound by Jackson so that each refusal names the element at fault:
 * JavaScript's {@code JSON.stringify} turns NaN into {@code null}, Python's {@code json.dumps}
 * writes a bare {@code NaN}, and a binder would report either as a type mismatch somewhere.
 *
 * @param pixels 784 values, already checked to lie in 0..1; null when {@code image} is given
 * @param image a {@code data:image/png;base64} URL, not yet decoded; null when {@code pixels} is given
 * @param run a run id or {@value PredictionService#SHIPPED_MODEL_ID}; null for the default model
 */
public record PredictRequest(float[] pixels, String image, String run) {

    private static final Set<String> FIELDS = Set.of("pixels", "image", "run");
    private static final Text EXPECTED = Text.of("predict.expected");
    /** Accepts NaN and Infinity as numbers, so that they are refused by name instead of as bad JSON. */
    private static final ObjectReader READER = Json.mapper().reader()
            .with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);

    /**
     * @param body the request body
     * @return the request, its pixels validated
     * @throws BadRequestException if the body is not a JSON object of the expected shape
     * @throws InvalidDigitInputException if the pixels are not a valid model input
     */
    public static PredictRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException("body", Text.of("error.predict.empty", EXPECTED));
        }
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("body", Text.of("error.json.invalid", e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new BadRequestException("body", Text.of("error.predict.not_object", EXPECTED));
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new BadRequestException(name, Text.of("error.predict.unknown_field", EXPECTED));
            }
        }
        JsonNode pixels = root.path("pixels");
        JsonNode image = root.path("image");
        boolean hasPixels = !pixels.isMissingNode() && !pixels.isNull();
        boolean hasImage = !image.isMissingNode() && !image.isNull();
        if (hasPixels && hasImage) {
            throw new BadRequestException("body", Text.of("error.predict.both"));
        }
        if (!hasPixels && !hasImage) {
            throw new BadRequestException("body", Text.of("error.predict.neither", EXPECTED));
        }
        String run = optionalText(root.path("run"), "run", Text.of("predict.a_run_id"));
        if (hasImage) {
            if (!image.isTextual()) {
                throw new BadRequestException("image", Text.of("error.predict.image_type", kind(image)));
            }
            return new PredictRequest(null, image.textValue(), run);
        }
        return new PredictRequest(readPixels(pixels), null, run);
    }

    private static float[] readPixels(JsonNode node) {
        if (!node.isArray()) {
            throw new BadRequestException("pixels", Text.of("error.predict.pixels_type", kind(node)));
        }
        DigitPreprocessor.checkLength(node.size());
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = node.get(i);
            if (value.isNull()) {
                // JSON has no NaN: JSON.stringify writes null where the array held NaN.
                throw new InvalidDigitInputException(Text.of("error.predict.pixel_null", i));
            }
            if (!value.isNumber()) {
                throw new InvalidDigitInputException(Text.of("error.predict.pixel_type", i, kind(value)));
            }
            values[i] = value.doubleValue();
        }
        DigitPreprocessor.validatePixels(values);
        float[] pixels = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            pixels[i] = (float) values[i];
        }
        return pixels;
    }

    private static String optionalText(JsonNode node, String field, Text what) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new BadRequestException(field, Text.of("error.predict.string", what, kind(node)));
        }
        String text = node.textValue().strip();
        return text.isEmpty() ? null : text;
    }

    /** "a string (\"0.5\")", "an object", ...: what the sender actually put there. */
    private static Object kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> Text.of("json.got.string", quoted(node.textValue()));
            case BOOLEAN -> Text.of("json.got.boolean", node.booleanValue());
            case ARRAY -> Text.of("json.type.array");
            case OBJECT, POJO -> Text.of("json.type.object");
            case NUMBER -> Text.of("json.type.number");
            case BINARY -> Text.of("json.got.binary");
            case NULL, MISSING -> "null";
        };
    }

    private static String quoted(String text) {
        String shown = text.length() > 20 ? text.substring(0, 20) + "…" : text;
        return '"' + shown.replace("\"", "\\\"") + '"';
    }
}
