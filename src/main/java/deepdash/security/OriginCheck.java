package deepdash.security;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses state-changing requests (POST, PUT, PATCH, DELETE, on any path) sent by a page of another
 * origin, whatever their content type: that is cross-site request forgery, and a form or a
 * {@code text/plain} fetch needs no CORS preflight to get here. Browsers send {@code Origin} on every
 * such request, so the rules are, in order: {@code Sec-Fetch-Site} saying {@code cross-site} or
 * {@code same-site} (another port or subdomain) is refused; an {@code Origin} (including the opaque
 * {@code null}) must name this server as the request's {@code Host} does; without an Origin, a
 * {@code Referer} must; a request with neither comes from a script or curl and passes, and the Host
 * check or the token keeps a rebound page from posing as one.
 */
final class OriginCheck implements Handler {

    static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    public void handle(Context ctx) {
        if (!STATE_CHANGING.contains(ctx.req().getMethod().toUpperCase(Locale.ROOT))) {
            return;
        }
        String fetchSite = ctx.header("Sec-Fetch-Site");
        if (fetchSite != null) {
            String site = fetchSite.strip().toLowerCase(Locale.ROOT);
            if (site.equals("cross-site") || site.equals("same-site")) {
                throw refused("the browser says it comes from another site (Sec-Fetch-Site: " + site + ")");
            }
        }
        String host = ctx.header("Host");
        String origin = ctx.header("Origin");
        if (origin != null) {
            if (!sameOrigin(origin, host)) {
                throw refused("it was sent by a page of another origin (Origin: " + shorten(origin) + ")");
            }
            return;
        }
        String referer = ctx.header("Referer");
        if (referer != null && !sameOrigin(referer, host)) {
            // The Referer's path may hold something private; it is not echoed.
            throw refused("it was sent by a page of another origin (its Referer names another server)");
        }
    }

    /** Whether the URL's origin is this server as the request reached it ({@code Host}). */
    static boolean sameOrigin(String url, String hostHeader) {
        Authority from = Authority.ofUrl(url);
        if (from == null || hostHeader == null) {
            return false;
        }
        // A Host without a port means the default port of the scheme the page was loaded over.
        Authority self = Authority.parse(hostHeader, Authority.defaultPort(Authority.schemeOf(url)));
        return from.equals(self);
    }

    private static ForbiddenResponse refused(String why) {
        return new ForbiddenResponse("DeepDash refused this request because " + why + ". Pages of other sites"
                + " cannot change anything here; scripts and curl can (they send no Origin).");
    }

    private static String shorten(String value) {
        return value.length() > 100 ? value.substring(0, 100) + "…" : value;
    }
}
