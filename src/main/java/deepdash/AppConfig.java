package deepdash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the server needs to know about its environment, built once from flags and environment
 * variables in {@link Main} and passed down. Nothing else in the server reads system properties.
 *
 * @param host interface to bind to
 * @param port TCP port (0 picks a free one, used by tests)
 * @param dataDir where runs and uploads live
 * @param maxWorkers how many training worker processes may run at once
 * @param maxUploadBytes the largest request body accepted (CSV uploads, canvas images)
 * @param allowedHosts extra {@code Host} names (without port) the server answers besides its own
 *     address and the loopback names
 * @param token the access token every request must carry, or null when none is needed (loopback)
 * @param maxStreams the most server-sent event streams open at once; more get 503
 * @param maxConcurrentUploads the most uploads parsed at once; more get 503 with Retry-After
 * @param cancelGrace how long a cancelled worker gets after SIGTERM before SIGKILL
 * @param stallFloor the shortest silence after which a worker is declared stuck and killed
 */
public record AppConfig(String host, int port, Path dataDir, int maxWorkers, long maxUploadBytes,
        List<String> allowedHosts, String token, int maxStreams, int maxConcurrentUploads,
        Duration cancelGrace, Duration stallFloor) {

    /** {@code --max-upload-mb}'s default; {@link #DEFAULT_MAX_UPLOAD_BYTES} in bytes. */
    public static final int DEFAULT_MAX_UPLOAD_MEGABYTES = 20;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = DEFAULT_MAX_UPLOAD_MEGABYTES * 1024L * 1024L;
    public static final int DEFAULT_MAX_STREAMS = 1_000;
    public static final int DEFAULT_MAX_CONCURRENT_UPLOADS = 2;
    public static final Duration DEFAULT_CANCEL_GRACE = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STALL_FLOOR = Duration.ofSeconds(120);

    public AppConfig {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("max workers must be at least 1, got " + maxWorkers);
        }
        if (maxStreams < 1) {
            throw new IllegalArgumentException("max streams must be at least 1, got " + maxStreams);
        }
        if (maxConcurrentUploads < 1) {
            throw new IllegalArgumentException("max concurrent uploads must be at least 1, got "
                    + maxConcurrentUploads);
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        allowedHosts = List.copyOf(allowedHosts);
        token = token == null || token.isBlank() ? null : token;
    }

    /** The defaults for everything but where to listen and what to keep. */
    public static AppConfig of(String host, int port, Path dataDir, int maxWorkers, long maxUploadBytes) {
        return new AppConfig(host, port, dataDir, maxWorkers, maxUploadBytes, List.of(), null,
                DEFAULT_MAX_STREAMS, DEFAULT_MAX_CONCURRENT_UPLOADS, DEFAULT_CANCEL_GRACE, DEFAULT_STALL_FLOOR);
    }

    /** A configuration for tests: loopback, a free port, one worker. */
    public static AppConfig forTests(Path dataDir) {
        return of("127.0.0.1", 0, dataDir, 1, DEFAULT_MAX_UPLOAD_BYTES);
    }

    public AppConfig withToken(String newToken) {
        return new AppConfig(host, port, dataDir, maxWorkers, maxUploadBytes, allowedHosts, newToken, maxStreams,
                maxConcurrentUploads, cancelGrace, stallFloor);
    }

    public AppConfig withHost(String newHost) {
        return new AppConfig(newHost, port, dataDir, maxWorkers, maxUploadBytes, allowedHosts, token, maxStreams,
                maxConcurrentUploads, cancelGrace, stallFloor);
    }

    public AppConfig withAllowedHosts(List<String> hosts) {
        return new AppConfig(host, port, dataDir, maxWorkers, maxUploadBytes, hosts, token, maxStreams,
                maxConcurrentUploads, cancelGrace, stallFloor);
    }

    public AppConfig withMaxStreams(int streams) {
        return new AppConfig(host, port, dataDir, maxWorkers, maxUploadBytes, allowedHosts, token, streams,
                maxConcurrentUploads, cancelGrace, stallFloor);
    }

    public AppConfig withMaxConcurrentUploads(int uploads) {
        return new AppConfig(host, port, dataDir, maxWorkers, maxUploadBytes, allowedHosts, token, maxStreams,
                uploads, cancelGrace, stallFloor);
    }

    public AppConfig withWorkerTimeouts(Duration grace, Duration floor) {
        return new AppConfig(host, port, dataDir, maxWorkers, maxUploadBytes, allowedHosts, token, maxStreams,
                maxConcurrentUploads, grace, floor);
    }

    public Path runsDir() {
        return dataDir.resolve("runs");
    }

    public Path datasetsDir() {
        return dataDir.resolve("datasets");
    }

    /** The user's own labelled drawings (the personal test set). */
    public Path drawingsDir() {
        return dataDir.resolve("drawings");
    }
}
