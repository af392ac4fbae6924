package dev.skein.app;

import java.util.Locale;

/**
 * A part of the platform that this process can run, each on its own port (atproto fixes paths such as
 * {@code /xrpc/com.atproto.sync.subscribeRepos} that several roles serve, so they cannot share one).
 *
 * <p>Only roles that exist are listed; the PLC directory, PDS, relay, memory index, gateway and console
 * join as they are built. Default ports are 2580 and up.
 */
public enum Role {
    /** The process's own endpoint: {@code /xrpc/_health}, actuator health and Prometheus metrics. */
    PLATFORM(2580, "/xrpc/_health");

    private final int defaultPort;
    private final String entryPath;

    Role(int defaultPort, String entryPath) {
        this.defaultPort = defaultPort;
        this.entryPath = entryPath;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The path printed at start-up, so a user can check the role with one click. */
    public String entryPath() {
        return entryPath;
    }

    /** The role's name in configuration and output, e.g. {@code platform}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
