package deepdash.security;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The lines printed once the server listens: the address really bound, a warning when that reaches
 * beyond this machine, and, once only, the URL that carries a generated token.
 */
public final class StartupMessage {

    /** Enough examples to find the right network without a wall of virtual interfaces. */
    static final int MAX_OTHER_ADDRESSES = 3;

    private StartupMessage() {
    }

    /**
     * @param bind the interface bound
     * @param port the port bound (the real one, not 0)
     * @param token the token decided at start-up
     * @param otherAddresses this machine's non-loopback addresses, shown for a wildcard bind
     */
    public static List<String> lines(BindAddress bind, int port, StartupToken token, List<String> otherAddresses) {
        List<String> lines = new ArrayList<>();
        String local = "http://" + browsableHost(bind) + ":" + port;
        if (bind.isWildcard()) {
            lines.add("WARNING: DeepDash listens on all network interfaces (" + bind.host() + "), so other"
                    + " machines can reach it. Every request needs the access token.");
            StringBuilder running = new StringBuilder("DeepDash is running at " + local + " (bound to "
                    + bind.host() + ", all interfaces");
            List<String> shown = otherAddresses.subList(0, Math.min(MAX_OTHER_ADDRESSES, otherAddresses.size()));
            if (!shown.isEmpty()) {
                running.append("; from another machine: ");
                for (int i = 0; i < shown.size(); i++) {
                    running.append(i == 0 ? "" : " or ").append("http://").append(urlHost(shown.get(i)))
                            .append(':').append(port);
                }
            }
            lines.add(running.append(')').toString());
        } else if (!bind.isLoopback()) {
            lines.add("WARNING: DeepDash listens on " + bind.host() + ", beyond this machine, so other machines can"
                    + " reach it. Every request needs the access token.");
            lines.add("DeepDash is running at " + local);
        } else {
            lines.add("DeepDash is running at " + local);
        }
        if (token.token() != null && token.generated()) {
            lines.add("Open this URL once in your browser; it carries the access token, so keep it private: "
                    + local + "/?token=" + token.token());
            lines.add("Scripts send the token as \"Authorization: Bearer <token>\". Give your own with --token or"
                    + " DEEPDASH_TOKEN to keep it across restarts.");
        } else if (token.token() != null) {
            lines.add("Every request needs the access token you gave (--token or DEEPDASH_TOKEN): open "
                    + local + "/?token=<your token> once in your browser, or send \"Authorization: Bearer <token>\".");
        }
        return lines;
    }

    /** This machine's IPv4 addresses other than loopback, for the wildcard message. */
    public static List<String> otherAddresses() {
        List<String> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        addresses.add(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            // Only examples for the message; the server works without them.
        }
        return addresses;
    }

    /** A wildcard cannot be browsed to; the loopback address of the same family can. */
    private static String browsableHost(BindAddress bind) {
        if (bind.isWildcard()) {
            return bind.host().contains(":") ? "[::1]" : "127.0.0.1";
        }
        return bind.urlHost();
    }

    private static String urlHost(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }
}
