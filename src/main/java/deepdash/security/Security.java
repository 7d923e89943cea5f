package deepdash.security;

import io.javalin.config.JavalinConfig;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;

/**
 * Puts every request check and response header in front of all routes, in one place, so a route
 * added later needs nothing to be covered: security headers, then the Host check (DNS rebinding),
 * the access token (binding beyond loopback), and the origin check (cross-site writes). A 401 or
 * 403 is an exception that {@code web.ErrorMapping} turns into JSON, an htmx fragment or a page,
 * like any other error; a foreign Host gets a plain-text 421. The headers are set before either.
 * See docs/security.md.
 */
public final class Security {

    private Security() {
    }

    /** Call first inside {@code Javalin.create}, before any controller registers its routes. */
    public static void register(JavalinConfig config, AccessSettings settings) {
        config.jetty.modifyServletContextHandler(context -> context.addFilter(new TextCharsetFilter(), "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR)));
        config.routes.before(new SecurityHeaders());
        // Each check reads a refused request's body before the answer goes, so the answer arrives.
        config.routes.before(new RefusedBodies(new HostCheck(settings)));
        config.routes.before(new RefusedBodies(new TokenGuard(settings)));
        config.routes.before(new RefusedBodies(new OriginCheck()));
    }
}
