package deepdash.security;

import deepdash.i18n.Messages;
import deepdash.i18n.Text;
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
     * The lines in English.
     *
     * @param bind the interface bound
     * @param port the port bound (the real one, not 0)
     * @param token the token decided at start-up
     * @param otherAddresses this machine's non-loopback addresses, shown for a wildcard bind
     */
    public static List<String> lines(BindAddress bind, int port, StartupToken token, List<String> otherAddresses) {
        return lines(bind, port, token, otherAddresses, Messages.ENGLISH);
    }

    /** The lines in {@code t}'s language, the language of the command line (its locale or {@code --lang}). */
    public static List<String> lines(BindAddress bind, int port, StartupToken token, List<String> otherAddresses,
            Messages t) {
        return texts(bind, port, token, otherAddresses).stream().map(t::format).toList();
    }

    /** The lines before they are worded: the same facts in every language. */
    public static List<Text> texts(BindAddress bind, int port, StartupToken token, List<String> otherAddresses) {
        List<Text> lines = new ArrayList<>();
        String local = "http://" + browsableHost(bind) + ":" + port;
        if (bind.isWildcard()) {
            lines.add(Text.of("startup.warning.all", bind.host()));
            List<String> shown = otherAddresses.subList(0, Math.min(MAX_OTHER_ADDRESSES, otherAddresses.size()));
            if (shown.isEmpty()) {
                lines.add(Text.of("startup.running.all", local, bind.host()));
            } else {
                List<String> urls = new ArrayList<>();
                for (String address : shown) {
                    urls.add("http://" + urlHost(address) + ":" + port);
                }
                lines.add(Text.of("startup.running.all.from", local, bind.host(),
                        Text.of("startup.or." + urls.size(), urls.toArray())));
            }
        } else if (!bind.isLoopback()) {
            lines.add(Text.of("startup.warning.beyond", bind.host()));
            lines.add(Text.of("startup.running", local));
        } else {
            lines.add(Text.of("startup.running", local));
        }
        if (token.token() != null && token.generated()) {
            lines.add(Text.of("startup.token.generated", local + "/?token=" + token.token()));
            lines.add(Text.of("startup.token.scripts"));
        } else if (token.token() != null) {
            lines.add(Text.of("startup.token.given", local));
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
