package dev.skein.relay;

import dev.skein.relay.identity.DidResolver;
import dev.skein.relay.identity.HttpDidResolver;
import dev.skein.relay.identity.IdentityCache;
import dev.skein.relay.ingest.AccountTable;
import dev.skein.relay.ingest.IngestMetrics;
import dev.skein.relay.ingest.IngestProcessor;
import dev.skein.relay.ingest.IngestWorkers;
import dev.skein.relay.ingest.UpstreamProgress;
import dev.skein.relay.sequencer.LiveFeed;
import dev.skein.relay.sequencer.RetentionJob;
import dev.skein.relay.sequencer.Sequencer;
import dev.skein.relay.store.EventLog;
import dev.skein.relay.store.HostStore;
import dev.skein.relay.store.JdbcAccountStore;
import dev.skein.relay.store.RelayDatabase;
import dev.skein.relay.upstream.HostManager;
import dev.skein.relay.upstream.HttpRepoFetcher;
import dev.skein.relay.upstream.UpstreamHttp;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running relay without its HTTP front: the database, the ingest pipeline, the sequencer, the upstream
 * connections and the retention job, wired together. {@link #start} opens everything and connects to the hosts;
 * {@link #close} stops in the reverse order, committing what was already passed.
 */
public final class Relay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);
    /** How many desynchronised accounts to resume resyncing at start. */
    static final int RESUME_RESYNCS = 10_000;
    /** Results waiting for the sequencer. */
    static final int SEQUENCER_QUEUE = 16_384;
    /** The most events one sequencer transaction takes. */
    static final int SEQUENCER_BATCH = 2_048;
    /** Frames waiting per ingest shard. */
    static final int WORKER_QUEUE = 128;

    private final RelaySettings settings;
    private final RelayDatabase db;
    private final EventLog log;
    private final HostStore hostStore;
    private final JdbcAccountStore accountStore;
    private final IdentityCache identities;
    private final IngestProcessor processor;
    private final IngestWorkers workers;
    private final Sequencer sequencer;
    private final HostManager hosts;
    private final RetentionJob retention;
    private final IngestMetrics metrics;

    private Relay(RelaySettings settings, DidResolver resolver, MeterRegistry registry, Clock clock) {
        this.settings = settings;
        this.db = RelayDatabase.open(settings.databaseUrl(), settings.databaseUser(), settings.databasePassword(),
                settings.databaseSchema());
        this.log = new EventLog(db);
        this.hostStore = new HostStore(db);
        this.accountStore = new JdbcAccountStore(db);
        HttpClient http = UpstreamHttp.client(settings.upstream().requestTimeout());
        DidResolver r = resolver != null ? resolver : new HttpDidResolver(http, settings.plcUrl(), settings.upstream().requestTimeout());
        this.identities = new IdentityCache(r, settings.identityTtl(), Duration.ofSeconds(30), clock, 1_000_000);
        UpstreamProgress progress = new UpstreamProgress();
        this.sequencer = new Sequencer(db, log, accountStore, hostStore, progress, new LiveFeed(), clock, SEQUENCER_QUEUE,
                SEQUENCER_BATCH, registry);
        this.metrics = new IngestMetrics(registry);
        HostManager[] hostRef = new HostManager[1];
        Semaphore resyncs = new Semaphore(settings.resyncConcurrency());
        Executor resyncExecutor = task -> Thread.ofVirtual().name("relay-resync").start(() -> {
            resyncs.acquireUninterruptibly();
            try {
                task.run();
            } finally {
                resyncs.release();
            }
        });
        HttpRepoFetcher fetcher = new HttpRepoFetcher(http, h -> hostRef[0].baseUrl(h), settings.maxRepoBytes(),
                Duration.ofMinutes(5));
        this.processor = new IngestProcessor(new AccountTable(accountStore), identities, fetcher, resyncExecutor,
                h -> hostRef[0].accountLimit(h), sequencer, settings.ingest(), clock, metrics, progress);
        this.workers = new IngestWorkers(processor, IngestWorkers.defaultShards(), WORKER_QUEUE);
        this.hosts = new HostManager(hostStore, workers::submit, (host, stored) -> {
            long cursor = Math.max(stored, processor.lastSeq(host));
            processor.resumeHost(host, cursor);
            return cursor;
        }, settings.upstream(), clock);
        hostRef[0] = hosts;
        this.retention = new RetentionJob(log, settings.retention(), clock);
    }

    /**
     * Opens the database, resumes interrupted resyncs and connects to the hosts.
     *
     * @param resolver the DID resolver, or {@code null} for the PLC directory and did:web over HTTP
     */
    public static Relay start(RelaySettings settings, DidResolver resolver, MeterRegistry registry, Clock clock) {
        Relay relay = new Relay(settings, resolver, registry, clock);
        relay.sequencer.start();
        relay.workers.start();
        relay.retention.start(Duration.ofMinutes(10));
        int resumed = relay.processor.resumeResyncs(RESUME_RESYNCS);
        if (resumed > 0) {
            LOG.info("resuming {} resyncs", resumed);
        }
        relay.hosts.start(settings.hosts());
        LOG.info("relay started at seq {} with {} hosts", relay.sequencer.lastSeq(), settings.hosts().size());
        return relay;
    }

    public RelaySettings settings() {
        return settings;
    }

    public RelayDatabase database() {
        return db;
    }

    public EventLog log() {
        return log;
    }

    public HostStore hostStore() {
        return hostStore;
    }

    public JdbcAccountStore accountStore() {
        return accountStore;
    }

    public IdentityCache identities() {
        return identities;
    }

    public IngestProcessor processor() {
        return processor;
    }

    public Sequencer sequencer() {
        return sequencer;
    }

    public LiveFeed feed() {
        return sequencer.feed();
    }

    public HostManager hosts() {
        return hosts;
    }

    public IngestMetrics metrics() {
        return metrics;
    }

    public RetentionJob retention() {
        return retention;
    }

    @Override
    public void close() {
        hosts.close();
        workers.close();
        try {
            sequencer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        retention.close();
        db.close();
    }
}
