package dev.skein.relay;

import dev.skein.relay.host.Host;
import dev.skein.relay.ingest.IngestSettings;
import dev.skein.relay.upstream.UpstreamSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link Relay} needs to start.
 *
 * @param databaseUrl JDBC URL (H2 file or PostgreSQL)
 * @param databaseSchema schema to create and use, or {@code null}
 * @param plcUrl the PLC directory
 * @param hosts PDS hosts to subscribe to from the start
 * @param retention how long events stay in the log for replay
 * @param identityTtl how long a resolved DID document is trusted
 * @param consumerBuffer how many events one consumer may fall behind before it is cut off ({@code ConsumerTooSlow})
 * @param resyncConcurrency how many resyncs may run at once
 * @param maxRepoBytes the largest {@code getRepo} export read for a resync
 */
public record RelaySettings(String databaseUrl, String databaseUser, String databasePassword, String databaseSchema,
                            URI plcUrl, List<Host> hosts, UpstreamSettings upstream, IngestSettings ingest, Duration retention,
                            Duration identityTtl, int consumerBuffer, int resyncConcurrency, long maxRepoBytes) {
    public RelaySettings {
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(plcUrl, "plcUrl");
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(ingest, "ingest");
    }

    /** Defaults around a database URL: plc.directory, no hosts, 72 hours of replay (as the indigo relay). */
    public static RelaySettings defaults(String databaseUrl) {
        return new RelaySettings(databaseUrl, "sa", "", null, URI.create("https://plc.directory"), List.of(),
                UpstreamSettings.DEFAULTS, IngestSettings.DEFAULTS, Duration.ofHours(72), Duration.ofHours(1), 10_000, 4,
                512L * 1024 * 1024);
    }

    public RelaySettings withHosts(List<Host> h) {
        return new RelaySettings(databaseUrl, databaseUser, databasePassword, databaseSchema, plcUrl, h, upstream, ingest,
                retention, identityTtl, consumerBuffer, resyncConcurrency, maxRepoBytes);
    }

    public RelaySettings withUpstream(UpstreamSettings u) {
        return new RelaySettings(databaseUrl, databaseUser, databasePassword, databaseSchema, plcUrl, hosts, u, ingest,
                retention, identityTtl, consumerBuffer, resyncConcurrency, maxRepoBytes);
    }

    public RelaySettings withIngest(IngestSettings i) {
        return new RelaySettings(databaseUrl, databaseUser, databasePassword, databaseSchema, plcUrl, hosts, upstream, i,
                retention, identityTtl, consumerBuffer, resyncConcurrency, maxRepoBytes);
    }

    public RelaySettings withConsumerBuffer(int n) {
        return new RelaySettings(databaseUrl, databaseUser, databasePassword, databaseSchema, plcUrl, hosts, upstream, ingest,
                retention, identityTtl, n, resyncConcurrency, maxRepoBytes);
    }

    public RelaySettings withRetention(Duration r) {
        return new RelaySettings(databaseUrl, databaseUser, databasePassword, databaseSchema, plcUrl, hosts, upstream, ingest,
                r, identityTtl, consumerBuffer, resyncConcurrency, maxRepoBytes);
    }

    public RelaySettings withPlcUrl(URI u) {
        return new RelaySettings(databaseUrl, databaseUser, databasePassword, databaseSchema, u, hosts, upstream, ingest,
                retention, identityTtl, consumerBuffer, resyncConcurrency, maxRepoBytes);
    }
}
