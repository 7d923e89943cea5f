package deepdash.security;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses requests whose {@code Host} is not one of this server's names, with 421. This is what
 * stops DNS rebinding: a hostile page whose name was re-pointed at 127.0.0.1 reaches the server, but
 * its requests still say {@code Host: evil.example}. The built-in names (the bound address,
 * {@code localhost}, {@code 127.0.0.1}, {@code [::1]}) must come with the port the request arrived
 * on, or with none; names added with {@code --allowed-host} match on any port (SSH tunnels on
 * another local port, proxies). With a
 * token in force any Host passes: a rebound page cannot carry the token or its cookie.
 */
final class HostCheck implements Handler {

    static final int MISDIRECTED_REQUEST = 421;
    /** A hostile Host value is echoed in the message; keep it short. */
    private static final int MAX_ECHOED_CHARS = 100;

    private final AccessSettings settings;
    private final Set<String> builtInNames = new LinkedHashSet<>();
    private final Set<String> userNames = new LinkedHashSet<>();

    HostCheck(AccessSettings settings) {
        this.settings = settings;
        builtInNames.add(new BindAddress(settings.host()).urlHost());
        builtInNames.add("localhost");
        builtInNames.add("127.0.0.1");
        builtInNames.add("[::1]");
        for (String name : settings.allowedHosts()) {
            if (name != null && !name.isBlank()) {
                userNames.add(new BindAddress(name).urlHost());
            }
        }
    }

    @Override
    public void handle(Context ctx) {
        if (settings.tokenRequired()) {
            return;
        }
        String host = ctx.header("Host");
        // Only HTTP/1.0 may leave Host out, and no browser does, so no web page can be behind it.
        if (host == null) {
            return;
        }
        int port = ctx.req().getLocalPort();
        if (!allows(host, port)) {
            // Plain text, not a page or the error JSON: a name this server does not serve gets nothing of it.
            ctx.status(MISDIRECTED_REQUEST).contentType("text/plain; charset=utf-8").result("DeepDash does not"
                    + " answer to the Host \"" + echo(host) + "\": it answers to " + String.join(", ", builtInNames)
                    + " on port " + port + (userNames.isEmpty() ? "" : " and to " + String.join(", ", userNames))
                    + ". If you reach it by another name on purpose, add that name with --allowed-host.\n");
            ctx.skipRemainingHandlers();
        }
    }

    boolean allows(String hostHeader, int localPort) {
        // A Host without a port (some HTTP clients send one) counts as this port: the name is what a
        // rebound page cannot fake, the port adds nothing against it.
        Authority authority = Authority.parse(hostHeader, localPort);
        if (authority == null) {
            return false;
        }
        if (userNames.contains(authority.name())) {
            return true;
        }
        return builtInNames.contains(authority.name()) && authority.port() == localPort;
    }

    private static String echo(String value) {
        String shown = value.length() > MAX_ECHOED_CHARS ? value.substring(0, MAX_ECHOED_CHARS) + "…" : value;
        return shown.toLowerCase(Locale.ROOT);
    }
}
