package deepdash.security;

import java.util.List;

/**
 * What the request checks need from the server's configuration. Building one for an address
 * beyond loopback without a token fails, so no code path can start DeepDash wide open.
 *
 * @param host the interface the server binds to
 * @param allowedHosts extra Host names (any port) the user allows with {@code --allowed-host}
 * @param token the access token every request must carry, or null on loopback
 */
public record AccessSettings(String host, List<String> allowedHosts, String token) {

    public AccessSettings {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        token = token == null || token.isBlank() ? null : token;
        if (token == null && !new BindAddress(host).isLoopback()) {
            throw new IllegalArgumentException("binding to " + host + " reaches beyond this machine and needs an"
                    + " access token (--token or DEEPDASH_TOKEN); Main generates one when none is given");
        }
    }

    public boolean tokenRequired() {
        return token != null;
    }
}
