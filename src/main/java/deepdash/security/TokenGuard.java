package deepdash.security;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * With a token in force (DeepDash bound beyond loopback), every request but {@code /health} must
 * carry it: as {@code Authorization: Bearer <token>} (scripts) or in the cookie a browser gets by
 * opening the printed URL {@code /?token=<token>} once. That visit sets the cookie (HttpOnly, so no
 * script reads it; SameSite=Strict, so no other site's page sends it) and redirects to the same
 * path without the token, so it does not stay in the address bar or the history. Missing or wrong
 * gives 401; tokens are compared in constant time.
 */
final class TokenGuard implements Handler {

    static final String HEALTH_PATH = "/health";
    static final String QUERY_PARAMETER = "token";
    /** The port is part of the name: cookies are shared across ports, servers on two ports are not. */
    static final String COOKIE_PREFIX = "deepdash-token-";
    /** A browser session: the cookie goes when the browser does, and a restarted server may have a new token. */
    private static final int SESSION_COOKIE = -1;

    private final AccessToken token;

    TokenGuard(AccessSettings settings) {
        this.token = settings.tokenRequired() ? new AccessToken(settings.token()) : null;
    }

    @Override
    public void handle(Context ctx) {
        if (token == null || HEALTH_PATH.equals(ctx.path())) {
            return;
        }
        String cookieName = cookieName(ctx);
        String fromQuery = ctx.queryParam(QUERY_PARAMETER);
        String method = ctx.req().getMethod().toUpperCase(Locale.ROOT);
        if (fromQuery != null && (method.equals("GET") || method.equals("HEAD"))) {
            if (!token.matches(fromQuery)) {
                throw unauthorized(ctx, "the token in this URL is not this server's access token");
            }
            ctx.cookie(new Cookie(cookieName, fromQuery, "/", SESSION_COOKIE, false, true, null, SameSite.STRICT));
            ctx.header("Cache-Control", "no-store");
            ctx.redirect(withoutToken(ctx.path(), ctx.queryString()), HttpStatus.SEE_OTHER);
            return;
        }
        if (token.matches(bearer(ctx.header("Authorization"))) || token.matches(ctx.cookie(cookieName))) {
            return;
        }
        throw unauthorized(ctx, "this request carries no access token, or a wrong one");
    }

    static String cookieName(Context ctx) {
        return COOKIE_PREFIX + ctx.req().getLocalPort();
    }

    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).strip() : null;
    }

    /** The same path and query minus the token parameter; a leading "//" would leave this server. */
    static String withoutToken(String path, String query) {
        String safePath = "/" + path.replaceFirst("^/+", "");
        if (query == null || query.isEmpty()) {
            return safePath;
        }
        List<String> kept = new ArrayList<>();
        for (String part : query.split("&")) {
            String name = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
            if (!part.isEmpty() && !QUERY_PARAMETER.equals(URLDecoder.decode(name, StandardCharsets.UTF_8))) {
                kept.add(part);
            }
        }
        return kept.isEmpty() ? safePath : safePath + "?" + String.join("&", kept);
    }

    private static UnauthorizedResponse unauthorized(Context ctx, String why) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"DeepDash\"");
        return new UnauthorizedResponse("DeepDash needs its access token: " + why + ". Open the URL with ?token="
                + " that DeepDash printed when it started, or send \"Authorization: Bearer <token>\".");
    }
}
