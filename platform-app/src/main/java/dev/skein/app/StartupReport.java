package dev.skein.app;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the user, once every role listens, where each one answers and where the data lives. */
final class StartupReport {
    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private StartupReport() {}

    static void print(DataDirectory data, Map<Role, URI> roles, String serverAddress) {
        String host = printableHost(serverAddress);
        log.info("Skein data: {}", data.root());
        roles.forEach((role, url) -> log.info("Skein {}: http://{}:{}{}", role.id(), host, url.getPort(), role.entryPath()));
    }

    /** The address to print: the bound one, or loopback where the server listens on every interface. */
    static String printableHost(String address) {
        if (address == null || address.isBlank()) {
            return "127.0.0.1";
        }
        try {
            InetAddress a = InetAddress.getByName(address);
            if (a.isAnyLocalAddress()) {
                return "127.0.0.1";
            }
            return a instanceof Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
