package deepdash.web;

import deepdash.errors.UserError;
import deepdash.i18n.Messages;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.router.EndpointNotFound;
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
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (isNoRoute(e)) {
                // Javalin's own answer for an address or method no route takes: worded here, and a page
                // for anything but the API, whatever the client accepts.
                respond(ctx, e.getStatus(), noRouteMessage(e, ctx.method().name(), ctx.path(),
                        RequestLanguage.messages(ctx)), UserError.codeOf(e.getStatus()), null, null,
                        !ctx.path().startsWith("/api/"));
            } else {
                respond(ctx, e.getStatus(), e.getMessage(), UserError.codeOf(e.getStatus()), null, null);
            }
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, 500, RequestLanguage.messages(ctx).get("error.internal", e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())), "internal", null, null);
        });
    }

    /** Whether Javalin itself refused: no route has this address ({@code 404}), or not this method ({@code 405}). */
    static boolean isNoRoute(HttpResponseException e) {
        return e instanceof EndpointNotFound || e instanceof MethodNotAllowedResponse;
    }

    /**
     * What a no-route refusal says in {@code t}'s language, naming the method, the path and, for a
     * 405, the methods the address takes.
     */
    public static String noRouteMessage(HttpResponseException e, String method, String path, Messages t) {
        if (e instanceof MethodNotAllowedResponse && !e.getDetails().isEmpty()) {
            return t.get("error.http.method_not_allowed", method, path, String.join(", ", e.getDetails().values()));
        }
        return t.get("error.http.no_route", method, path);
    }

    private void respond(Context ctx, int status, String message, String code, String field, String layer) {
        respond(ctx, status, message, code, field, layer, false);
    }

    private void respond(Context ctx, int status, String message, String code, String field, String layer,
            boolean page) {
        // Refusals often come from the headers alone, while the client is still sending the body.
        BodyDrain.beforeEarlyAnswer(ctx);
        ctx.status(status);
        if (isHtmx(ctx)) {
            templates.render(ctx, "error.jte", new ErrorView(message));
        } else if (page || isPageNavigation(ctx)) {
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
