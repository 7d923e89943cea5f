package deepdash.runs;

import java.io.IOException;
import java.nio.file.Path;

/** Starts the process that trains one run. The real one starts a JVM; tests may start anything. */
public interface WorkerLauncher {

    Process launch(Path runDir) throws IOException;
}
