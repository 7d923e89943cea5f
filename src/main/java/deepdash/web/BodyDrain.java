package deepdash.web;

import io.javalin.http.Context;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * Reads and discards what is left of a request's body before an early answer goes out.
 *
 * <p>A server that refuses a request from its headers alone (too large, wrong origin, no token) and
 * closes the connection while the client is still sending makes the kernel reset the connection;
 * the reset can destroy the answer on its way, and the client sees "no response" instead of the 413
 * or 403 that says why. So the body is read first, as long as the client keeps sending: up to
 * {@value #MAX_BYTES} bytes, for at most {@value #MAX_MILLIS} ms, and only while bytes keep
 * arriving (a pause of {@value #STALL_MILLIS} ms ends it). A client that declares a body and never
 * sends it therefore gets its answer after that pause, not after the idle timeout. Whatever is left
 * unread closes the connection after the answer ({@code Connection: close}).
 *
 * <p>It never blocks on a read: it reads only what {@link ServletInputStream#available()} says has
 * arrived.
 */
public final class BodyDrain {

    static final long MAX_BYTES = 64L * 1024 * 1024;
    static final long MAX_MILLIS = 5_000;
    static final long STALL_MILLIS = 1_000;
    private static final long POLL_MILLIS = 2;

    private BodyDrain() {
    }

    /**
     * Drains the request's body, if any is left, and marks the connection to close if that could not
     * be done.
     *
     * @return whether the whole body was read (or there was none)
     */
    public static boolean beforeEarlyAnswer(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        boolean chunked = "chunked".equalsIgnoreCase(ctx.req().getHeader("Transfer-Encoding"));
        if (declared <= 0 && !chunked) {
            return true;
        }
        if (declared > MAX_BYTES) {
            return closeAfterAnswer(ctx);
        }
        try {
            ServletInputStream body = ctx.req().getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            long start = System.nanoTime();
            long lastProgress = start;
            while (!body.isFinished()) {
                long now = System.nanoTime();
                if (read > MAX_BYTES || millis(now - start) > MAX_MILLIS || millis(now - lastProgress) > STALL_MILLIS) {
                    return closeAfterAnswer(ctx);
                }
                int available = body.available();
                if (available <= 0) {
                    Thread.sleep(POLL_MILLIS);
                    continue;
                }
                int n = body.read(buffer, 0, Math.min(available, buffer.length));
                if (n < 0) {
                    break;
                }
                read += n;
                lastProgress = System.nanoTime();
            }
            return true;
        } catch (IOException | IllegalStateException gone) {
            // The client went away, or the body was already taken as a reader: nothing to drain.
            return closeAfterAnswer(ctx);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return closeAfterAnswer(ctx);
        }
    }

    private static boolean closeAfterAnswer(Context ctx) {
        ctx.header("Connection", "close");
        return false;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
