package deepdash.runs;

import deepdash.engine.EngineSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Launches {@code java -cp <this JVM's class path> deepdash.Main train --run-dir ...} for a run.
 * A separate process because MXNet's C API is not thread-safe and a native fault aborts the whole
 * JVM: a crashing worker takes down its run, never the server.
 */
public final class JvmWorkerLauncher implements WorkerLauncher {

    private final String javaBinary;
    private final String classPath;

    public JvmWorkerLauncher() {
        this.javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.classPath = System.getProperty("java.class.path");
    }

    @Override
    public Process launch(Path runDir) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary,
                // The worker's Java heap holds MNIST as bytes (55 MB) and a batch; tensors live off-heap.
                "-Xmx1g", "-XX:+UseSerialGC", "-Dai.djl.offline=true",
                "deepdash.Main", "train",
                "--run-dir", runDir.toString(), "--progress", "json", "--exit-with-parent"));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        // Through the environment, not -cp: the command line stays short enough to read in ps.
        environment.put("CLASSPATH", classPath);
        environment.put("MXNET_ENGINE_TYPE", EngineSettings.ENGINE_TYPE);
        return builder.start();
    }
}
