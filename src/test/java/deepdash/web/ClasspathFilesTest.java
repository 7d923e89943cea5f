package deepdash.web;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.URLResourceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ClasspathFilesTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @TempDir
    Path dir;

    @Test
    void filesAreServedWithTheirCachingAndFoldersAndEscapesAreNot() {
        HttpResponse<String> css = server.get("/static/css/app.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Cache-Control")).hasValue("max-age=0");
        assertThat(css.headers().firstValue("ETag")).isPresent();
        HttpResponse<String> htmx = server.get("/webjars/htmx.org/2.0.8/dist/htmx.min.js");
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.headers().firstValue("Cache-Control")).hasValue("max-age=31622400");
        for (String path : List.of("/static", "/static/", "/static/css", "/static/css/", "/webjars/",
                "/webjars/htmx.org", "/static/nope.css", "/static/%2e%2e/deepdash/App.class")) {
            assertThat(server.get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    /** In the jar, as `java -jar` serves them: the folder test is what keeps a folder from answering 200. */
    @Test
    void insideAJarFilesResolveAsUrlsAndFoldersAreToldApart() throws IOException {
        Path jar = dir.resolve("files.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("static/"));
            out.putNextEntry(new JarEntry("static/css/"));
            out.putNextEntry(new JarEntry("static/css/app.css"));
            out.write("body{}".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            URI base = URI.create("jar:" + jar.toUri() + "!/static/");
            Resource folder = new URLResourceFactory().newResource(base);
            assertThat(folder.isDirectory()).isTrue();
            Resource css = folder.resolve("css/app.css");
            try (InputStream in = css.newInputStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("body{}");
            }
            // Jetty's URL resource takes a folder named without its slash for a file ...
            assertThat(folder.resolve("css").isDirectory()).isFalse();
            // ... so ClasspathFiles asks the class loader first.
            assertThat(ClasspathFiles.namesFolder(classes, "/static/css", "/static", "static/")).isTrue();
            assertThat(ClasspathFiles.namesFolder(classes, "/static/css/", "/static", "static/")).isTrue();
            assertThat(ClasspathFiles.namesFolder(classes, "/static/", "/static", "static/")).isTrue();
            assertThat(ClasspathFiles.namesFolder(classes, "/static/css/app.css", "/static", "static/")).isFalse();
            assertThat(ClasspathFiles.namesFolder(classes, "/static/css/none.css", "/static", "static/")).isFalse();
        }
    }
}
