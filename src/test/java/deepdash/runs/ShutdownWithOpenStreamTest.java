package deepdash.runs;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.support.SseStream;
import deepdash.support.TestServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the server while a browser still follows a run must leave no thread behind spinning on
 * the dead stream (it once logged "Response does not exist" tens of thousands of times a second).
 */
class ShutdownWithOpenStreamTest {

    @TempDir
    Path dataDir;

    @Test
    void stoppingWithAnOpenStreamLeavesNoBusyThread() throws Exception {
        TestServer server = TestServer.start(dataDir, runDir -> new ProcessBuilder("cat").start());
        String id = TestServer.json(server.postJson("/api/runs", "{\"model\":\"cnn\",\"epochs\":1,\"trainLimit\":100}"))
                .path("id").asText();
        SseStream stream = server.events(id, null);
        stream.next();
        server.close();
        // Past the first heartbeat (10 s), when the old stream loop woke up to a recycled request.
        Thread.sleep(11_000);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> before = cpuTimes(threads);
        Thread.sleep(2_000);
        Map<Long, Long> after = cpuTimes(threads);
        long busiestNanos = 0;
        String busiest = "";
        for (Map.Entry<Long, Long> entry : after.entrySet()) {
            Long start = before.get(entry.getKey());
            if (start != null && entry.getValue() - start > busiestNanos) {
                busiestNanos = entry.getValue() - start;
                busiest = threads.getThreadInfo(entry.getKey()) == null ? "?"
                        : threads.getThreadInfo(entry.getKey()).getThreadName();
            }
        }
        stream.close();
        // A thread spinning on the dead stream burns most of the two seconds; an idle server none.
        assertThat(busiestNanos).as("CPU of the busiest thread (%s) in 2 s after stop", busiest)
                .isLessThan(500_000_000L);
    }

    private static Map<Long, Long> cpuTimes(ThreadMXBean threads) {
        Map<Long, Long> times = new java.util.HashMap<>();
        for (long threadId : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(threadId);
            if (nanos >= 0) {
                times.put(threadId, nanos);
            }
        }
        return times;
    }
}
