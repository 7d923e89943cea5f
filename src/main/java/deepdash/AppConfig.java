package deepdash;

import java.nio.file.Path;

/**
 * Everything the server needs to know about its environment, built once from flags and environment
 * variables in {@link Main} and passed down. Nothing else in the server reads system properties.
 *
 * @param host interface to bind to
 * @param port TCP port (0 picks a free one, used by tests)
 * @param dataDir where runs and uploads live
 * @param maxWorkers how many training worker processes may run at once
 * @param maxUploadBytes the largest request body accepted (CSV uploads, canvas images)
 */
public record AppConfig(String host, int port, Path dataDir, int maxWorkers, long maxUploadBytes) {

    public static final long DEFAULT_MAX_UPLOAD_BYTES = 20L * 1024 * 1024;

    public AppConfig {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("max workers must be at least 1, got " + maxWorkers);
        }
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** A configuration for tests: loopback, a free port, one worker. */
    public static AppConfig forTests(Path dataDir) {
        return new AppConfig("127.0.0.1", 0, dataDir, 1, DEFAULT_MAX_UPLOAD_BYTES);
    }

    public Path runsDir() {
        return dataDir.resolve("runs");
    }

    public Path datasetsDir() {
        return dataDir.resolve("datasets");
    }
}
