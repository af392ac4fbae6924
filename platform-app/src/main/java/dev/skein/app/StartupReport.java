package dev.skein.app;

import dev.skein.pds.lexicon.LexiconPublisher;
import java.io.PrintStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the user, once every role listens, where each one answers and where the data lives; on the first
 * start, also the generated admin password, once, on the console only (never through the logger, whose
 * output may be kept in files).
 */
final class StartupReport {
    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private StartupReport() {}

    static void print(DataDirectory data, Map<RoleInstance, URI> instances, String serverAddress, AdminPassword admin) {
        print(data, instances, serverAddress, admin, System.out);
    }

    static void print(DataDirectory data, Map<RoleInstance, URI> instances, String serverAddress, AdminPassword admin,
                      PrintStream console) {
        String host = printableHost(serverAddress);
        log.info("Skein data: {}", data.root());
        instances.forEach((instance, url) -> log.info("Skein {}: http://{}:{}{}", instance.label(), host, url.getPort(),
                instance.role().entryPath()));
        admin.takeNewPassword().ifPresent(password -> {
            console.println();
            console.println("  Skein admin password (shown this once; only its hash is kept, in " + admin.file() + "):");
            console.println("    " + password);
            console.println("  Admin calls take it as HTTP Basic user 'admin'. To choose your own, set SKEIN_ADMIN_PASSWORD.");
            console.println();
            console.flush();
        });
    }

    /**
     * Where the platform's Lexicons are published, and the DNS records that would make them resolvable by
     * NSID; in a private network without them, resolvers are configured with the authority DID instead.
     */
    static void lexiconAuthority(LexiconPublisher publisher) {
        publisher.authority().ifPresentOrElse(did -> {
            log.info("Skein lexicon authority: {} ({}), {} Lexicons as com.atproto.lexicon.schema records",
                    did.value(), publisher.handle(), publisher.nsids().size());
            publisher.dnsRecords().forEach((name, value) -> log.info("Skein lexicon DNS (optional): {} TXT \"{}\"",
                    name, value));
        }, () -> log.warn("Skein lexicon authority {}: not published yet (see the warnings above); retrying",
                publisher.handle()));
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
