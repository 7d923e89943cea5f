package deepdash.web;

import io.javalin.json.JsonMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Javalin's JSON mapper, made on its first use: Javalin wants its mapper while the routes are
 * configured, and building Jackson's (700 classes) was 0.4 s of the server's start-up on the
 * main thread. {@code App} prepares Jackson on a thread of its own meanwhile, so the first
 * answer usually finds it ready.
 */
public final class LazyJsonMapper implements JsonMapper {

    private final Supplier<JsonMapper> factory;
    private volatile JsonMapper mapper;

    public LazyJsonMapper(Supplier<JsonMapper> factory) {
        this.factory = factory;
    }

    private JsonMapper mapper() {
        JsonMapper made = mapper;
        if (made == null) {
            synchronized (this) {
                made = mapper;
                if (made == null) {
                    made = factory.get();
                    mapper = made;
                }
            }
        }
        return made;
    }

    @Override
    public String toJsonString(Object obj, Type type) {
        return mapper().toJsonString(obj, type);
    }

    @Override
    public InputStream toJsonStream(Object obj, Type type) {
        return mapper().toJsonStream(obj, type);
    }

    @Override
    public void writeToOutputStream(Stream<?> stream, OutputStream outputStream) {
        mapper().writeToOutputStream(stream, outputStream);
    }

    @Override
    public <T> T fromJsonString(String json, Type targetType) {
        return mapper().fromJsonString(json, targetType);
    }

    @Override
    public <T> T fromJsonStream(InputStream json, Type targetType) {
        return mapper().fromJsonStream(json, targetType);
    }
}
