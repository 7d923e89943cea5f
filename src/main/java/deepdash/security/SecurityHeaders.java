package deepdash.security;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Headers every response carries, set before any handler runs so pages, fragments, JSON, static
 * files, errors and 404s all get them.
 */
final class SecurityHeaders implements Handler {

    /**
     * Only this server's own files: no inline script or style (templates and static/ keep to that),
     * no eval, no remote origin, no plugins, no {@code <base>} tricks, forms post only here, and no
     * framing (clickjacking). The canvases need no {@code data:} images: drawings go out as PNG data
     * URLs in a JSON body and pixels are put with putImageData, neither of which CSP governs.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Override
    public void handle(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        // frame-ancestors for browsers that predate it.
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        // Other sites' pages may not load our responses as images or scripts, nor keep a handle on our window.
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }
}
