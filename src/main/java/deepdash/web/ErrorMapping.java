package deepdash.web;

import deepdash.errors.UserError;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps exceptions to responses in one place: a JSON {@link ApiError} for the API, an error
 * fragment for htmx requests. Handlers never catch to format errors themselves. Errors a user can
 * fix are {@link UserError}s, whatever feature throws them.
 */
public final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private final Templates templates;

    public ErrorMapping(Templates templates) {
        this.templates = templates;
    }

    public void register(JavalinConfig config) {
        // Every feature's user-facing errors share one type, so this class knows none of the features.
        config.routes.exception(UserError.class, (e, ctx) -> respond(ctx, e.status(),
                e.message(RequestLanguage.messages(ctx)), e.code(), e.field(), e.layer()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(),
                e.getMessage(), UserError.codeOf(e.getStatus()), null, null));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, 500, RequestLanguage.messages(ctx).get("error.internal", e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())), "internal", null, null);
        });
    }

    private void respond(Context ctx, int status, String message, String code, String field, String layer) {
        // Refusals often come from the headers alone, while the client is still sending the body.
        BodyDrain.beforeEarlyAnswer(ctx);
        ctx.status(status);
        if (isHtmx(ctx)) {
            templates.render(ctx, "error.jte", new ErrorView(message));
        } else if (isPageNavigation(ctx)) {
            // A person who followed a link to a page gets a page, not a JSON body.
            templates.render(ctx, "error-page.jte", new ErrorPageView(status, message));
        } else {
            ctx.json(new ApiError(message, code, field, layer));
        }
    }

    /** A browser loading a page (not the API, not a fetch from a script). */
    static boolean isPageNavigation(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.startsWith("text/html") && !ctx.path().startsWith("/api/");
    }

    public static boolean isHtmx(Context ctx) {
        return "true".equals(ctx.header("HX-Request"));
    }
}
