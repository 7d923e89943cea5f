package deepdash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.json.Json;
import deepdash.support.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 server-sent event clients on one run of a real server process
 * ({@code java -jar target/deepdash.jar --max-streams 1000}, default JVM settings), as
 * {@code bench/sse-clients.sh} runs it. It reports the server's threads and resident memory
 * ({@code /proc/PID/status}) idle, with 600 and 1,000 streams open, after the clients hang up, and
 * after the server ends every stream with the run's final status; and how far behind the first
 * client the others get each epoch event (the fan-out spread).
 *
 * <p>Round 1: the clients follow a queued run, then hang up themselves. Round 2: they connect
 * again (a 503 from the stream cap is retried after its {@code Retry-After}, as a patient client
 * would), the run ahead is cancelled, the watched run trains two short epochs, and every stream
 * must get both epochs and the final status.
 *
 * <p>Not a pass/fail test of speed: it prints figures for docs/performance.md. Excluded from the
 * normal build (tag {@code bench}). {@code -Dsse.jar=PATH} measures another build of the server,
 * {@code -Dsse.clients=N} another number of clients.
 */
@Tag("bench")
@Timeout(900)
class SseClientsBenchmark {

    private static final int CLIENTS = Integer.getInteger("sse.clients", 1_000);
    private static final int CHECKPOINT_CLIENTS = Math.min(600, CLIENTS);
    private static final int CONNECT_BATCH = 50;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** Longer than the server's heartbeat interval (10 s), so idle streams have had one. */
    private static final Duration SETTLE = Duration.ofSeconds(12);
    private static final Duration RECONNECT_LIMIT = Duration.ofSeconds(90);
    private static final Duration RUN_LIMIT = Duration.ofSeconds(240);
    private static final List<Integer> AFTER_SECONDS = List.of(0, 10, 30, 60);
    private static final Pattern FINAL_STATUS =
            Pattern.compile("\"status\"\\s*:\\s*\"(completed|failed|cancelled|interrupted)\"");

    @TempDir
    Path dataDir;

    /** What /proc says about the server at one moment. */
    private record Sample(String moment, int threads, long rssKb, Map<String, Integer> threadGroups) {

        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %d MB | %s |", moment, threads, rssKb / 1024, groups());
        }

        private String groups() {
            List<Map.Entry<String, Integer>> largest = new ArrayList<>(threadGroups.entrySet());
            largest.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
            StringBuilder text = new StringBuilder();
            for (Map.Entry<String, Integer> group : largest.subList(0, Math.min(4, largest.size()))) {
                text.append(text.length() == 0 ? "" : ", ").append(group.getKey()).append(' ').append(group.getValue());
            }
            return text.toString();
        }
    }

    @Test
    void thousandClientsFollowOneRun() throws Exception {
        Path jar = Path.of(System.getProperty("sse.jar", "target/deepdash.jar")).toAbsolutePath();
        assertThat(jar).as("build the server first: mvn -B -q package -DskipTests").exists();
        int port = ServerProcess.freePort();
        Path log = dataDir.resolve("server.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString(), "--port", Integer.toString(port),
                "--data-dir", dataDir.resolve("data").toString(), "--max-streams", Integer.toString(CLIENTS));
        // As in ServerProcess: one OpenMP thread per worker, so the run does not fight the clients for cores.
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process server = builder.start();
        ExecutorService clientThreads = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(clientThreads).build();
        String base = "http://127.0.0.1:" + port;
        List<Sample> samples = new ArrayList<>();
        try {
            awaitHealthy(http, base, server, log);
            samples.add(sample(server.pid(), "idle, before any run"));
            String blocker = createRun(http, base, "{\"model\":\"cnn\",\"epochs\":20,\"trainLimit\":20000}");
            String watched = createRun(http, base, "{\"model\":\"cnn\",\"epochs\":2,\"trainLimit\":1000}");
            Thread.sleep(3_000);
            samples.add(sample(server.pid(), "a run training, one queued, no stream"));

            // Round 1: follow the queued run, then hang up.
            List<Listener> first = connect(http, base, watched, samples, server.pid(), "round 1", false);
            Thread.sleep(SETTLE.toMillis());
            samples.add(sample(server.pid(), CLIENTS + " streams open for " + SETTLE.toSeconds() + " s"));
            first.forEach(Listener::hangUp);
            Thread.sleep(SETTLE.toMillis() * 2);
            samples.add(sample(server.pid(), (SETTLE.toSeconds() * 2) + " s after the clients hung up"));

            // Round 2: connect again, then the watched run trains and ends every stream.
            long reconnectStart = System.nanoTime();
            List<Listener> second = connect(http, base, watched, samples, server.pid(), "round 2", true);
            double reconnectSeconds = (System.nanoTime() - reconnectStart) / 1e9;
            int refusals = second.stream().mapToInt(l -> l.refusals).sum();
            long cancelled = System.nanoTime();
            send(http, HttpRequest.newBuilder(URI.create(base + "/api/runs/" + blocker + "/cancel"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
            for (Listener listener : second) {
                long left = Math.max(1, deadline - System.nanoTime());
                try {
                    listener.ended.get(left, TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException stillOpen) {
                    break;
                }
            }
            double runSeconds = (System.nanoTime() - cancelled) / 1e9;
            long endedAt = System.nanoTime();
            for (int after : AFTER_SECONDS) {
                long wait = endedAt + TimeUnit.SECONDS.toNanos(after) - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
                }
                samples.add(sample(server.pid(), after + " s after the final status ended the streams"));
            }

            long gotFinal = second.stream().filter(l -> l.finalStatus).count();
            long gotBothEpochs = second.stream().filter(l -> l.epochArrivals.size() == 2).count();
            JsonNode run = Json.mapper().readTree(send(http, HttpRequest.newBuilder(
                    URI.create(base + "/api/runs/" + watched)).GET().build()).body());

            System.out.printf(Locale.ROOT, "%n%d SSE clients on one run, server %s, %d CPUs%n", CLIENTS,
                    jar.getFileName(), Runtime.getRuntime().availableProcessors());
            System.out.println("| moment | server threads | VmRSS | largest thread groups |");
            System.out.println("|---|---|---|---|");
            samples.forEach(s -> System.out.println(s.row()));
            System.out.printf(Locale.ROOT, "round 2: all %d connected in %.1f s after round 1 hung up %d s "
                    + "earlier (%d refusals with 503 retried)%n", CLIENTS, reconnectSeconds,
                    SETTLE.toSeconds() * 2, refusals);
            System.out.printf(Locale.ROOT, "watched run %s in %.1f s after the cancel of the run ahead; "
                    + "%d of %d clients got both epochs, %d the final status%n", run.get("status").asText(),
                    runSeconds, gotBothEpochs, CLIENTS, gotFinal);
            printSpread(second);
            System.out.println("server log tail:\n" + tail(log));

            assertThat(run.get("status").asText()).isEqualTo("completed");
            assertThat(gotFinal).as("clients that got the final status").isEqualTo(CLIENTS);
            assertThat(gotBothEpochs).as("clients that got both epochs").isEqualTo(CLIENTS);
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            clientThreads.shutdownNow();
        }
    }

    /** Opens {@code CLIENTS} streams in batches, each batch waiting for its first event. */
    private List<Listener> connect(HttpClient http, String base, String runId, List<Sample> samples, long pid,
            String round, boolean retryRefused) throws Exception {
        List<Listener> listeners = new ArrayList<>();
        long deadline = System.nanoTime() + RECONNECT_LIMIT.toNanos();
        while (listeners.size() < CLIENTS) {
            int batch = Math.min(CONNECT_BATCH, CLIENTS - listeners.size());
            List<Listener> pending = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                pending.add(new Listener());
            }
            while (!pending.isEmpty()) {
                for (Listener listener : pending) {
                    listener.open(http, base + "/api/runs/" + runId + "/events");
                }
                List<Listener> refused = new ArrayList<>();
                long retryAfterSeconds = 1;
                for (Listener listener : pending) {
                    int status = listener.status.get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    if (status == 200) {
                        listener.firstEvent.get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                        listeners.add(listener);
                    } else if (status == 503 && retryRefused && System.nanoTime() < deadline) {
                        listener.refusals++;
                        retryAfterSeconds = Math.max(retryAfterSeconds, listener.retryAfterSeconds);
                        refused.add(listener);
                    } else {
                        throw new AssertionError(round + ": stream " + (listeners.size() + 1) + " answered "
                                + status);
                    }
                }
                pending = refused;
                if (!pending.isEmpty()) {
                    Thread.sleep(TimeUnit.SECONDS.toMillis(retryAfterSeconds));
                }
            }
            if (listeners.size() == CHECKPOINT_CLIENTS && round.equals("round 1")) {
                Thread.sleep(2_000);
                samples.add(sample(pid, CHECKPOINT_CLIENTS + " streams open"));
            }
        }
        return listeners;
    }

    private static void printSpread(List<Listener> listeners) {
        Map<Long, List<Long>> arrivalsByEvent = new TreeMap<>();
        for (Listener listener : listeners) {
            listener.epochArrivals.forEach((id, at) -> arrivalsByEvent.computeIfAbsent(id, k -> new ArrayList<>()).add(at));
        }
        arrivalsByEvent.forEach((id, arrivals) -> {
            Collections.sort(arrivals);
            long first = arrivals.get(0);
            double[] behind = arrivals.stream().mapToDouble(at -> (at - first) / 1e6).toArray();
            System.out.printf(Locale.ROOT, "epoch event %d: %d clients; behind the first: p50 %.1f ms, "
                    + "p99 %.1f ms, last %.1f ms%n", id, arrivals.size(), percentile(behind, 0.50),
                    percentile(behind, 0.99), behind[behind.length - 1]);
        });
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    /** Threads and VmRSS from /proc, with threads grouped by name (digits dropped). */
    private static Sample sample(long pid, String moment) throws IOException {
        int threads = 0;
        long rssKb = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(line.substring(8).trim());
            } else if (line.startsWith("VmRSS:")) {
                rssKb = Long.parseLong(line.substring(6).replace("kB", "").trim());
            }
        }
        Map<String, Integer> groups = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[-_ ]?\\d+$", "");
                    groups.merge(name, 1, Integer::sum);
                } catch (IOException ended) {
                    // The thread ended while we listed them.
                }
            }
        }
        return new Sample(moment, threads, rssKb, groups);
    }

    private static void awaitHealthy(HttpClient http, String base, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited:\n" + tail(log));
            }
            try {
                if (send(http, HttpRequest.newBuilder(URI.create(base + "/health")).GET().build()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not start:\n" + tail(log));
    }

    private static String createRun(HttpClient http, String base, String body) throws Exception {
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(URI.create(base + "/api/runs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Json.mapper().readTree(response.body()).get("id").asText();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    /** One client: reads its stream line by line as it arrives, noting when each epoch event came. */
    private static final class Listener implements Flow.Subscriber<String> {

        CompletableFuture<Integer> status = new CompletableFuture<>();
        CompletableFuture<Void> firstEvent = new CompletableFuture<>();
        final CompletableFuture<Void> ended = new CompletableFuture<>();
        final Map<Long, Long> epochArrivals = new ConcurrentHashMap<>();
        volatile boolean finalStatus;
        volatile long retryAfterSeconds = 1;
        int refusals;
        private volatile Flow.Subscription subscription;
        private long id = -1;
        private String event;

        void open(HttpClient http, String url) {
            status = new CompletableFuture<>();
            firstEvent = new CompletableFuture<>();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                    .timeout(CONNECT_TIMEOUT).GET().build();
            CompletableFuture<Integer> statusOfThisTry = status;
            http.sendAsync(request, info -> {
                info.headers().firstValue("Retry-After").ifPresent(v -> retryAfterSeconds = Long.parseLong(v.trim()));
                statusOfThisTry.complete(info.statusCode());
                if (info.statusCode() != 200) {
                    return BodySubscribers.discarding();
                }
                return BodySubscribers.fromLineSubscriber(this);
            }).whenComplete((response, failure) -> {
                if (failure != null) {
                    statusOfThisTry.completeExceptionally(failure);
                    ended.complete(null);
                }
            });
        }

        void hangUp() {
            subscription.cancel();
        }

        @Override
        public void onSubscribe(Flow.Subscription newSubscription) {
            subscription = newSubscription;
            newSubscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                event = null;
            } else if (line.startsWith("id:")) {
                id = Long.parseLong(line.substring(3).trim());
            } else if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                if ("epoch".equals(event)) {
                    epochArrivals.putIfAbsent(id, System.nanoTime());
                } else if ("status".equals(event) && FINAL_STATUS.matcher(line).find()) {
                    finalStatus = true;
                }
                firstEvent.complete(null);
            }
        }

        @Override
        public void onError(Throwable failure) {
            ended.complete(null);
        }

        @Override
        public void onComplete() {
            ended.complete(null);
        }
    }
}
