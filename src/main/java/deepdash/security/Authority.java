package deepdash.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A host name (lower case, IPv6 literals in brackets) and port, as read from a {@code Host} header or
 * from the origin part of an {@code Origin} or {@code Referer} URL. The two are compared to tell
 * whether a request comes from a page served by this server.
 *
 * @param name the host name or address literal
 * @param port the port, with the scheme's default filled in when none was written
 */
record Authority(String name, int port) {

    static final int HTTP_PORT = 80;
    static final int HTTPS_PORT = 443;

    /** Parses {@code name[:port]} or {@code [v6]:port}; null when it is not a well-formed authority. */
    static Authority parse(String value, int defaultPort) {
        if (value == null) {
            return null;
        }
        String text = value.strip().toLowerCase(Locale.ROOT);
        String name;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return null;
            }
            name = text.substring(0, close + 1);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                return null;
            }
            port = rest.isEmpty() ? null : rest.substring(1);
        } else {
            int colon = text.indexOf(':');
            if (colon != text.lastIndexOf(':')) {
                return null;
            }
            name = colon < 0 ? text : text.substring(0, colon);
            port = colon < 0 ? null : text.substring(colon + 1);
        }
        if (name.isEmpty() || name.equals("[]")) {
            return null;
        }
        if (port == null) {
            return new Authority(name, defaultPort);
        }
        try {
            int number = Integer.parseInt(port);
            return number > 0 && number <= 65_535 ? new Authority(name, number) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The authority of an http or https URL ({@code Origin} or {@code Referer}); null for {@code null}
     * origins, other schemes and anything malformed, which the caller treats as another origin.
     */
    static Authority ofUrl(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return null;
            }
            String authority = uri.getRawAuthority();
            if (authority == null || authority.contains("@")) {
                return null;
            }
            return parse(authority, defaultPort(scheme));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? HTTPS_PORT : HTTP_PORT;
    }

    static String schemeOf(String url) {
        int colon = url == null ? -1 : url.indexOf(':');
        return colon < 0 ? "" : url.substring(0, colon).strip();
    }

    @Override
    public String toString() {
        return name + ":" + port;
    }
}
