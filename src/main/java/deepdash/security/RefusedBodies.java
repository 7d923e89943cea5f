package deepdash.security;

import deepdash.web.BodyDrain;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;

/**
 * Runs a check and, when it refuses the request, reads what is left of the request's body before
 * the refusal is answered ({@link BodyDrain}): a connection closed with unread bytes is reset, and
 * the reset can destroy the 401 or 403 that says why.
 */
final class RefusedBodies implements Handler {

    private final Handler check;

    RefusedBodies(Handler check) {
        this.check = check;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        try {
            check.handle(ctx);
        } catch (HttpResponseException refused) {
            BodyDrain.beforeEarlyAnswer(ctx);
            throw refused;
        }
        if (ctx.statusCode() >= 400) {
            // A check that answers by itself (the Host check's 421).
            BodyDrain.beforeEarlyAnswer(ctx);
        }
    }
}
