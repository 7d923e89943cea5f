package deepdash.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The interface the server binds to, and what that means: loopback only, one other interface, or
 * every interface ({@code 0.0.0.0}, {@code ::}). Anything that is not loopback must carry a token.
 *
 * @param host the {@code --host} value as given
 */
public record BindAddress(String host) {

    public BindAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        host = host.strip();
    }

    /**
     * True when every address the name stands for is a loopback address. Literal addresses are
     * parsed without a DNS lookup; a name that does not resolve counts as not loopback, so the
     * doubtful case gets a token.
     */
    public boolean isLoopback() {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(bare());
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** True for the wildcard addresses that bind every interface. */
    public boolean isWildcard() {
        String bare = bare();
        return "0.0.0.0".equals(bare) || "::".equals(bare) || "0:0:0:0:0:0:0:0".equals(bare);
    }

    /** The name as it appears in a URL or a Host header: IPv6 literals in brackets, lower case. */
    public String urlHost() {
        String bare = bare().toLowerCase(Locale.ROOT);
        return bare.contains(":") ? "[" + bare + "]" : bare;
    }

    private String bare() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
