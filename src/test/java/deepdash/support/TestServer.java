package deepdash.support;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.App;
import deepdash.AppConfig;
import deepdash.AppServices;
import deepdash.files.FileTrees;
import deepdash.json.Json;
import deepdash.runs.WorkerLauncher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real app on a free port with its own data directory, and a small HTTP client for it.
 *
 * <p>Most test classes start it once for all their tests, as a JUnit extension:
 * <pre>{@code @RegisterExtension static final TestServer server = TestServer.perClass();}</pre>
 * It then starts before the first test in a new temporary data directory (after {@link #withData}
 * has filled it, if given) and stops after the last one, deleting the directory. Tests that restart
 * the app on purpose use {@link #start(Path)} in a try-with-resources block instead.
 */
public final class TestServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Function<Path, App> starter;
    private Consumer<Path> data = dir -> {
    };
    private App app;
    private Path dataDir;
    private boolean ownsDataDir;

    private TestServer(App app, Path dataDir) {
        this.starter = null;
        this.app = app;
        this.dataDir = dataDir;
    }

    private TestServer(Function<Path, App> starter) {
        this.starter = starter;
    }

    /** The real app, once per test class (register it as a static {@code @RegisterExtension} field). */
    public static TestServer perClass() {
        return new TestServer(dir -> App.start(AppConfig.forTests(dir)));
    }

    /** The app with a stand-in for the training worker, once per test class. */
    public static TestServer perClass(WorkerLauncher launcher) {
        return new TestServer(dir -> App.start(AppConfig.forTests(dir), launcher));
    }

    /** The app built from services the test chooses, once per test class. */
    public static TestServer perClass(BiFunction<AppConfig, AppServices.Builder, AppServices> services) {
        return new TestServer(dir -> {
            AppConfig config = AppConfig.forTests(dir);
            return App.create(config, services.apply(config, AppServices.builder(config))).start();
        });
    }

    /** Fills the data directory before the app starts (runs written as workers leave them, say). */
    public TestServer withData(Consumer<Path> fill) {
        this.data = fill;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("deepdash-test-");
        ownsDataDir = true;
        data.accept(dataDir);
        app = starter.apply(dataDir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
        if (ownsDataDir) {
            FileTrees.deleteTree(dataDir);
        }
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

    /** The app with this configuration and a stand-in for the training worker. */
    public static TestServer start(AppConfig config, WorkerLauncher launcher) {
        return new TestServer(App.start(config, launcher), config.dataDir());
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The running app's services, for tests that wait on state no route shows. */
    public AppServices services() {
        return app.services();
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
        if (app != null) {
            app.stop();
            app = null;
        }
    }
}
