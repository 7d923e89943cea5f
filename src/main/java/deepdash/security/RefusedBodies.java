package deepdash.security;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Runs a check and, when it refuses the request, reads what is left of the request's body before
 * the refusal is answered. A server that answers early and closes a connection with unread bytes
 * makes the kernel reset it, and the reset can destroy the answer on its way: the client sees "no
 * response" instead of the 401 or 403 that says why. Bodies over {@value #DRAIN_LIMIT_BYTES} bytes
 * are not read to the end; the connection is closed after the answer instead.
 */
final class RefusedBodies implements Handler {

    static final int DRAIN_LIMIT_BYTES = 1024 * 1024;
    private static final int BUFFER_BYTES = 8192;

    private final Handler check;

    RefusedBodies(Handler check) {
        this.check = check;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        try {
            check.handle(ctx);
        } catch (HttpResponseException refused) {
            drain(ctx);
            throw refused;
        }
        if (ctx.statusCode() >= 400) {
            // A check that answers by itself (the Host check's 421).
            drain(ctx);
        }
    }

    private static void drain(Context ctx) {
        if (ctx.req().getContentLengthLong() > DRAIN_LIMIT_BYTES) {
            // Declared too large to read: refused unread (a client may never send it), and not kept.
            ctx.header("Connection", "close");
            return;
        }
        try (InputStream body = ctx.req().getInputStream()) {
            byte[] buffer = new byte[BUFFER_BYTES];
            long read = 0;
            int n;
            while ((n = body.read(buffer)) >= 0) {
                read += n;
                if (read > DRAIN_LIMIT_BYTES) {
                    ctx.header("Connection", "close");
                    return;
                }
            }
        } catch (IOException | IllegalStateException gone) {
            // The client went away or the body was already read: nothing is left to reset the answer.
            ctx.header("Connection", "close");
        }
    }
}
