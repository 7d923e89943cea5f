package deepdash.events;

import io.javalin.http.Context;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every open server-sent event stream, served by a few threads whatever the number of clients:
 * a small writer pool drains each stream's queue into its socket without blocking (see
 * {@link EventStream}), and one scheduler thread sends heartbeats to quiet streams. At most
 * {@code maxStreams} are open at once; {@link #open} says when one more may not start.
 */
public final class EventStreams implements AutoCloseable {

    /** Writes never block, so a couple of threads keep up with thousands of clients. */
    static final int WRITER_THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    /** How often quiet streams are checked: a heartbeat goes out at most a fifth of an interval late. */
    private static final int HEARTBEAT_CHECKS_PER_INTERVAL = 5;
    private static final long WRITER_IDLE_SECONDS = 60;

    private final EventHub hub;
    private final StreamSlots slots;
    private final long heartbeatNanos;
    private final ThreadPoolExecutor writers;
    private final ScheduledExecutorService heartbeats;
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();

    public EventStreams(EventHub hub, long heartbeatMillis, int maxStreams) {
        this.hub = hub;
        this.slots = new StreamSlots(maxStreams);
        this.heartbeatNanos = TimeUnit.MILLISECONDS.toNanos(heartbeatMillis);
        this.writers = new ThreadPoolExecutor(WRITER_THREADS, WRITER_THREADS, WRITER_IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("event-stream-writer-"));
        // No writer thread stays once every stream is gone for a minute.
        writers.allowCoreThreadTimeOut(true);
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemonThreads("event-stream-heartbeat-"));
        long checkMillis = Math.max(1, heartbeatMillis / HEARTBEAT_CHECKS_PER_INTERVAL);
        heartbeats.scheduleWithFixedDelay(this::heartbeatQuietStreams, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts streaming {@code topic} from after {@code lastEventId} to this request: sends the 200
     * and the event-stream headers, and returns at once; the stream goes on in async mode. Returns
     * false, having written nothing, when {@code maxStreams} are open already.
     */
    public boolean open(Context ctx, String topic, long lastEventId) throws IOException {
        if (!slots.tryTake()) {
            return false;
        }
        try {
            HttpServletResponse response = ctx.res();
            response.setStatus(200);
            response.setCharacterEncoding("UTF-8");
            response.setContentType("text/event-stream");
            response.addHeader("Cache-Control", "no-cache");
            // The connection closes with the stream instead of idling for reuse.
            response.addHeader("Connection", "close");
            // Tells nginx-style proxies not to hold events back.
            response.addHeader("X-Accel-Buffering", "no");
            // The client sees the 200 and the headers at once, even before the first event.
            response.flushBuffer();
        } catch (IOException | RuntimeException e) {
            slots.giveBack();
            throw e;
        }
        // Javalin starts async mode after the handler returns, then asks for the future; the
        // response completes when it does.
        ctx.future(() -> {
            try {
                return start(topic, lastEventId, ctx.req().getAsyncContext(), ctx.res().getOutputStream());
            } catch (IOException e) {
                slots.giveBack();
                throw new UncheckedIOException(e);
            }
        });
        return true;
    }

    public int openStreams() {
        return slots.open();
    }

    public int maxStreams() {
        return slots.max();
    }

    /** Uses the slot {@link #open} took and gives it back when the connection is over. */
    private CompletableFuture<Void> start(String topic, long lastEventId, AsyncContext async, ServletOutputStream out) {
        Subscription subscription;
        try {
            subscription = hub.subscribe(topic, lastEventId);
        } catch (RuntimeException e) {
            slots.giveBack();
            throw e;
        }
        EventStream stream = new EventStream(subscription, async, out, writers, heartbeatNanos, ended -> {
            open.remove(ended);
            hub.unsubscribe(topic, subscription);
            slots.giveBack();
        });
        open.add(stream);
        return stream.start();
    }

    private void heartbeatQuietStreams() {
        long now = System.nanoTime();
        for (EventStream stream : open) {
            stream.heartbeatIfQuiet(now);
        }
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        writers.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
