package deepdash.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.http.staticfiles.StaticFileConfig;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.resource.URLResourceFactory;

/**
 * The files served from the classpath: the app's own under {@code /static} and the webjars (htmx,
 * Chart.js ...) under {@code /webjars}.
 *
 * <p>Out of the box Jetty serves a classpath folder inside a jar by mounting the whole jar as a zip
 * file system, once per folder. The fat jar has about 10,000 entries, and the two mounts took 0.3 to
 * 0.7 s of every start-up (profiled: {@code ZipFileSystem.initCEN}). Here {@code jar:} URIs are read as
 * plain URLs instead, through the jar the JVM already has open. Such a resource cannot tell a folder
 * from a file unless its name ends in a slash, so the folders are given with one, and a request that
 * names a folder inside the jar is left to the 404 it got before.
 */
public final class ClasspathFiles {

    /** Webjars are versioned by path: a browser may keep them for a year. */
    private static final String WEBJAR_CACHE = "max-age=31622400";

    private ClasspathFiles() {
    }

    public static void register(JavalinConfig config) {
        ResourceFactory.registerResourceFactory("jar", new URLResourceFactory());
        config.staticFiles.add(files -> folder(files, "/webjars", "META-INF/resources/webjars/"));
        config.staticFiles.add(files -> {
            folder(files, "/static", "static/");
            // Pages change with each build; the ETag lets the browser revalidate cheaply.
            files.headers = Map.of("Cache-Control", "max-age=0");
        });
    }

    private static void folder(StaticFileConfig files, String hostedPath, String directory) {
        files.hostedPath = hostedPath;
        files.directory = directory;
        files.location = Location.CLASSPATH;
        files.headers = Map.of("Cache-Control", WEBJAR_CACHE);
        files.skipFileFunction = request -> namesFolder(ClasspathFiles.class.getClassLoader(),
                request.getRequestURI(), hostedPath, directory);
    }

    /** Whether {@code path}, below {@code hostedPath}, names a folder of {@code directory} in {@code classes}. */
    static boolean namesFolder(ClassLoader classes, String path, String hostedPath, String directory) {
        if (path == null || !path.startsWith(hostedPath)) {
            return false;
        }
        String rest = path.substring(hostedPath.length());
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        if (rest.isEmpty() || rest.endsWith("/")) {
            return true;
        }
        URL found = classes.getResource(directory + rest);
        if (found == null) {
            return false;
        }
        if ("file".equals(found.getProtocol())) {
            // Run from the build's classes folder (tests, IDE): a file name with a slash added still
            // finds the file, so ask the file system.
            try {
                return Files.isDirectory(Path.of(found.toURI()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return false;
            }
        }
        // In a jar a folder is an entry of its own whose name ends in a slash.
        return classes.getResource(directory + rest + "/") != null;
    }
}
