package dev.skein.app;

import dev.skein.pds.PdsConfiguration;
import dev.skein.plc.PlcConfiguration;
import dev.skein.relay.RelayConfiguration;
import java.util.Locale;

/**
 * A part of the platform that this process can run, each in a web application context of its own with
 * its own port (atproto fixes paths such as {@code /xrpc/com.atproto.sync.subscribeRepos} that several
 * roles serve, so they cannot share one), its own database and its data in {@code <data-dir>/<role>}.
 *
 * <p>Adding a role is an entry here naming its {@code @Configuration}; roles start in this order, so a role
 * can default to the address of one listed before it (see {@link RoleContexts}).
 */
public enum Role {
    /** The process's own endpoint: {@code /xrpc/_health}, actuator health and Prometheus metrics. */
    PLATFORM(2580, "/xrpc/_health", PlatformConfiguration.class),
    /** The did:plc directory of the private network. */
    PLC(2582, "/_health", PlcConfiguration.class),
    /** The Personal Data Server: accounts, repositories, the event stream. */
    PDS(2583, "/xrpc/com.atproto.server.describeServer", PdsConfiguration.class),
    /** The relay: crawls the PDS hosts, verifies every commit, serves one firehose and a Jetstream stream. */
    RELAY(2584, "/xrpc/com.atproto.sync.listHosts", RelayConfiguration.class);

    private final int defaultPort;
    private final String entryPath;
    private final Class<?> configuration;

    Role(int defaultPort, String entryPath, Class<?> configuration) {
        this.defaultPort = defaultPort;
        this.entryPath = entryPath;
        this.configuration = configuration;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The path printed at start-up, so a user can check the role with one click. */
    public String entryPath() {
        return entryPath;
    }

    /** The {@code @Configuration} the role's context is built from. */
    public Class<?> configuration() {
        return configuration;
    }

    /** The role's name in configuration and output, e.g. {@code platform}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
