package deepdash.support;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.App;
import deepdash.AppConfig;
import deepdash.json.Json;
import deepdash.runs.WorkerLauncher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** The real app on a free port with its own data directory, and a small HTTP client for it. */
public final class TestServer implements AutoCloseable {

    private final App app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path dataDir;

    private TestServer(App app, Path dataDir) {
        this.app = app;
        this.dataDir = dataDir;
    }

    public static TestServer start(Path dataDir) {
        return new TestServer(App.start(AppConfig.forTests(dataDir)), dataDir);
    }

    /** The app with a stand-in for the training worker. */
    public static TestServer start(Path dataDir, WorkerLauncher launcher) {
        return new TestServer(App.start(AppConfig.forTests(dataDir), launcher), dataDir);
    }

    public static TestServer start(AppConfig config) {
        return new TestServer(App.start(config), config.dataDir());
    }

    public static TestServer start(AppConfig config, WorkerLauncher launcher) {
        return new TestServer(App.start(config, launcher), config.dataDir());
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A response's body as JSON; fails the test if it is not JSON. */
    public static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (HTTP " + response.statusCode() + "): " + response.body(), e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).DELETE().build());
    }

    /** A GET as htmx sends it, with {@code HX-Request: true}. */
    public HttpResponse<String> htmxGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("HX-Request", "true").GET().build());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens a run's event stream; the caller reads it event by event. */
    public SseStream events(String runId, Long lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/runs/" + runId + "/events"))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", Long.toString(lastEventId));
        }
        try {
            HttpResponse<java.util.stream.Stream<String>> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofLines());
            return new SseStream(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
