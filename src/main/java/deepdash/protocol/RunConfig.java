package deepdash.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import deepdash.i18n.Text;
import deepdash.json.Json;
import deepdash.json.StrictJson;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * What the user asked for: the model's name and that model's settings, one flat JSON object as the
 * API takes it and {@code run.json} keeps it: {@code model}, then the settings ({@code epochs}, {@code window}...).
 *
 * <p>The settings stay JSON here: each model reads them into a record of its own
 * ({@code deepdash.model.ModelSpec#settings}), so this package, which the server and the worker
 * share, knows no model. Null fields are left out.
 *
 * @param model the model's name, e.g. {@code cnn}
 * @param settings every other field of the object
 */
@JsonSerialize(using = RunConfig.Writer.class)
@JsonDeserialize(using = RunConfig.Reader.class)
public record RunConfig(String model, ObjectNode settings) {

    static final String MODEL_FIELD = "model";

    public RunConfig {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        if (settings != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = settings.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().equals(MODEL_FIELD) && !field.getValue().isNull()) {
                    copy.set(field.getKey(), field.getValue().deepCopy());
                }
            }
        }
        settings = copy;
    }

    /** A config from a settings record (or any object Jackson writes as JSON fields). */
    public static RunConfig of(String model, Object settings) {
        return new RunConfig(model, Json.mapper().valueToTree(settings));
    }

    /** A copy of the settings: the record stays immutable. */
    @Override
    public ObjectNode settings() {
        return settings.deepCopy();
    }

    /**
     * How many epochs the run trains, for messages like "3 of 10 epochs"; null when not set. Every
     * model trains in epochs, so the run record may know this one setting without knowing the model.
     */
    public Integer epochs() {
        JsonNode epochs = settings.get("epochs");
        return epochs != null && epochs.isIntegralNumber() && epochs.canConvertToInt() ? epochs.intValue() : null;
    }

    /** Writes {@code {"model": ..., ...settings}}. */
    static final class Writer extends JsonSerializer<RunConfig> {
        @Override
        public void serialize(RunConfig config, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject();
            if (config.model() != null) {
                out.writeStringField(MODEL_FIELD, config.model());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = config.settings.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                out.writeFieldName(field.getKey());
                out.writeTree(field.getValue());
            }
            out.writeEndObject();
        }
    }

    /** Reads any JSON object; the model's own record decides later which fields it takes. */
    static final class Reader extends JsonDeserializer<RunConfig> {
        @Override
        public RunConfig deserialize(JsonParser in, DeserializationContext context) throws IOException {
            JsonNode node = in.readValueAsTree();
            if (node == null || !node.isObject()) {
                return context.reportInputMismatch(RunConfig.class, "expected a JSON object");
            }
            JsonNode model = node.get(MODEL_FIELD);
            if (model != null && !model.isNull() && !model.isTextual()) {
                // A model's name is a string: 5 is not "5", as for every other field of a request.
                throw new StrictJson.InputException(MODEL_FIELD, Text.of("error.json.expected",
                        Text.of("json.type.string"), model.isNumber() ? Text.of("json.got.number", model.toString())
                        : model.isBoolean() ? model.toString()
                        : model.isArray() ? Text.of("json.type.array") : Text.of("json.type.object")));
            }
            return new RunConfig(model == null || model.isNull() ? null : model.asText(), (ObjectNode) node);
        }
    }
}
