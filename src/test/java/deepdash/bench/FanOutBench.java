package deepdash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import deepdash.AppConfig;
import deepdash.json.Json;
import deepdash.protocol.WorkerProtocol;
import deepdash.support.TestServer;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 §4: the delay from a worker's epoch line to the 1,000th event-stream client receiving it.
 *
 * <p>The server is the real app on a random port; its worker is {@code cat}, so the benchmark
 * writes each epoch line itself (in the worker protocol's exact format) and knows to the
 * microsecond when the worker "printed" it. From there the line takes the real path: the worker's
 * stdout pipe, the supervisor's reader, the run service, the hub, 1,000 client queues and sockets,
 * and the clients' line readers (in this JVM, as {@code SseClientsBenchmark}'s are in theirs).
 * Before each epoch line it prints what a training worker prints before one: a progress line every
 * 200 ms for a second, then the start of the validation pass, 200 ms before the epoch line. (Until
 * 2026-12-03 it printed nothing between epoch lines but waited 500 ms; that made the first epoch
 * line the first event of its kind through a cold path, 70-110 ms to the 1,000th client, against
 * 50 ms with the progress lines a real worker prints first.)
 *
 * <p>Not pass/fail on speed: prints markdown rows ({@code | figure | measured | reference | ratio |})
 * to stdout and to {@code -Dfanout.out=FILE}. {@code -Dfanout.clients} (1,000) and
 * {@code -Dfanout.epochs} (10) size it; {@code bench/figures/70-fanout.sh} runs it.
 */
@Tag("bench")
@Timeout(600)
class FanOutBench {

    private static final int CLIENTS = Integer.getInteger("fanout.clients", 1_000);
    private static final int EPOCHS = Integer.getInteger("fanout.epochs", 10);
    private static final double TARGET_MILLIS = 100;
    private static final int CONNECT_BATCH = 50;
    /** The worker's progress interval (TrainingLoop) and a second of training before each epoch line. */
    private static final long PROGRESS_INTERVAL_MILLIS = 200;
    private static final int PROGRESS_LINES_PER_EPOCH = 5;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern EPOCH_NUMBER = Pattern.compile("\"epoch\"\\s*:\\s*(\\d+)");

    @TempDir
    Path dataDir;

    @Test
    void epochLineToTheLastOfAThousandClients() throws Exception {
        AtomicReference<Process> worker = new AtomicReference<>();
        AppConfig config = AppConfig.forTests(dataDir).withMaxStreams(CLIENTS + 10);
        ExecutorService clientThreads = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(clientThreads).build();
        try (TestServer server = TestServer.start(config, runDir -> {
            Process cat = new ProcessBuilder("cat").start();
            worker.set(cat);
            return cat;
        })) {
            HttpResponse<String> created = server.postJson("/api/runs",
                    "{\"model\":\"cnn\",\"epochs\":" + EPOCHS + ",\"trainLimit\":1000}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
            String runId = Json.mapper().readTree(created.body()).get("id").asText();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (worker.get() == null) {
                assertThat(System.nanoTime()).as("worker started").isLessThan(deadline);
                Thread.sleep(10);
            }
            OutputStream workerStdout = worker.get().getOutputStream();
            line(workerStdout, WorkerProtocol.STARTED, "{\"device\":\"cpu()\"}");

            List<Listener> listeners = new ArrayList<>();
            while (listeners.size() < CLIENTS) {
                List<Listener> batch = new ArrayList<>();
                for (int i = 0; i < Math.min(CONNECT_BATCH, CLIENTS - listeners.size()); i++) {
                    Listener listener = new Listener();
                    listener.open(http, server.baseUrl() + "/api/runs/" + runId + "/events");
                    batch.add(listener);
                }
                for (Listener listener : batch) {
                    assertThat(listener.status.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(200);
                    listener.firstEvent.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                }
                listeners.addAll(batch);
            }

            double[] lastClientMillis = new double[EPOCHS];
            double[] everyClientMillis = new double[EPOCHS * CLIENTS];
            for (int epoch = 1; epoch <= EPOCHS; epoch++) {
                // What a training worker prints before an epoch line (TrainingLoop): a progress
                // line every 200 ms while it trains, then the start of the validation pass.
                for (int batch = 1; batch <= PROGRESS_LINES_PER_EPOCH; batch++) {
                    Thread.sleep(PROGRESS_INTERVAL_MILLIS);
                    line(workerStdout, WorkerProtocol.PROGRESS, String.format(Locale.ROOT, "{\"epoch\":%d,"
                            + "\"epochs\":%d,\"batch\":%d,\"batches\":%d,\"loss\":0.2,\"etaSeconds\":5.0,"
                            + "\"batchLoss\":0.2}", epoch, EPOCHS, batch, PROGRESS_LINES_PER_EPOCH));
                }
                line(workerStdout, WorkerProtocol.EVALUATING, "{\"phase\":\"validating\",\"done\":0,\"total\":200}");
                Thread.sleep(PROGRESS_INTERVAL_MILLIS);
                long printed = System.nanoTime();
                line(workerStdout, WorkerProtocol.EPOCH, String.format(Locale.ROOT, "{\"epoch\":%d,\"loss\":0.1,"
                        + "\"accuracy\":0.9,\"val_loss\":0.1,\"val_accuracy\":0.9,\"epochSeconds\":1.0,"
                        + "\"samplesPerSecond\":1000.0,\"elapsedSeconds\":%d.0}", epoch, epoch));
                long last = printed;
                for (int c = 0; c < CLIENTS; c++) {
                    long arrived = listeners.get(c).arrival(epoch).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                    everyClientMillis[(epoch - 1) * CLIENTS + c] = (arrived - printed) / 1e6;
                    last = Math.max(last, arrived);
                }
                lastClientMillis[epoch - 1] = (last - printed) / 1e6;
            }
            workerStdout.close();
            System.err.println("fan-out: the last client, per epoch, ms: " + Arrays.toString(lastClientMillis));

            Arrays.sort(lastClientMillis);
            Arrays.sort(everyClientMillis);
            List<String> rows = List.of(
                    row(String.format(Locale.ROOT, "fan-out: epoch line to the %,dth client, median of %d epochs",
                            CLIENTS, EPOCHS), percentile(lastClientMillis, 0.50)),
                    row(String.format(Locale.ROOT, "fan-out: epoch line to the %,dth client, p99 of %d epochs",
                            CLIENTS, EPOCHS), percentile(lastClientMillis, 0.99)),
                    row(String.format(Locale.ROOT, "fan-out: epoch line to a client, p99 of %,d clients x %d epochs",
                            CLIENTS, EPOCHS), percentile(everyClientMillis, 0.99)));
            rows.forEach(System.out::println);
            String out = System.getProperty("fanout.out");
            if (out != null) {
                Files.write(Path.of(out), rows, StandardCharsets.UTF_8);
            }
            JsonNode run = Json.mapper().readTree(server.get("/api/runs/" + runId).body());
            assertThat(run.get("epochs").size()).as("epochs the server recorded").isEqualTo(EPOCHS);
        } finally {
            clientThreads.shutdownNow();
        }
    }

    private static String row(String figure, double millis) {
        return String.format(Locale.ROOT, "| %s | %.1f ms | %.0f ms (target) | %.2f |", figure, millis,
                TARGET_MILLIS, millis / TARGET_MILLIS);
    }

    private static void line(OutputStream workerStdout, String type, String data) throws IOException {
        workerStdout.write((WorkerProtocol.PREFIX + "{\"type\":\"" + type + "\",\"data\":" + data + "}\n")
                .getBytes(StandardCharsets.UTF_8));
        workerStdout.flush();
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, double fraction) {
        return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
    }

    /** One client: reads its stream line by line as it arrives and notes when each epoch came. */
    private static final class Listener implements Flow.Subscriber<String> {

        final CompletableFuture<Integer> status = new CompletableFuture<>();
        final CompletableFuture<Void> firstEvent = new CompletableFuture<>();
        private final Map<Integer, CompletableFuture<Long>> epochs = new ConcurrentHashMap<>();
        private String event;

        CompletableFuture<Long> arrival(int epoch) {
            return epochs.computeIfAbsent(epoch, e -> new CompletableFuture<>());
        }

        void open(HttpClient http, String url) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                    .GET().build();
            http.sendAsync(request, info -> {
                status.complete(info.statusCode());
                return info.statusCode() == 200 ? BodySubscribers.fromLineSubscriber(this)
                        : BodySubscribers.discarding();
            }).whenComplete((response, failure) -> {
                if (failure != null) {
                    status.completeExceptionally(failure);
                }
            });
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                event = null;
            } else if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                if ("epoch".equals(event)) {
                    long now = System.nanoTime();
                    Matcher number = EPOCH_NUMBER.matcher(line);
                    if (number.find()) {
                        arrival(Integer.parseInt(number.group(1))).complete(now);
                    }
                }
                firstEvent.complete(null);
            }
        }

        @Override
        public void onError(Throwable failure) {
            firstEvent.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
        }
    }
}
