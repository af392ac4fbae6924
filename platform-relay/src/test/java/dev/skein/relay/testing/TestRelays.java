package dev.skein.relay.testing;

import dev.skein.relay.Relay;
import dev.skein.relay.RelaySettings;
import dev.skein.relay.host.Host;
import dev.skein.relay.ingest.IngestSettings;
import dev.skein.relay.store.RelayDatabase;
import dev.skein.relay.upstream.UpstreamSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Relays for tests: an H2 file in a temp directory, a fake PLC directory, fast reconnection. */
public final class TestRelays {
    private TestRelays() {}

    public static RelaySettings settings(Path dir, List<Host> hosts) {
        UpstreamSettings upstream = new UpstreamSettings(100, 100_000, 15, Duration.ofMillis(50), Duration.ofMillis(500),
                true, List.of(), List.of(), true, Duration.ofSeconds(5), 50);
        IngestSettings ingest = new IngestSettings(Duration.ofMinutes(5), 1_000, Duration.ZERO, Duration.ZERO,
                IngestSettings.DEFAULTS.repoLimits());
        return RelaySettings.defaults(RelayDatabase.h2FileUrl(dir.resolve("relay").toString()))
                .withHosts(hosts).withUpstream(upstream).withIngest(ingest);
    }

    public static Relay start(RelaySettings settings, FakeDidResolver plc) {
        return Relay.start(settings, plc, new SimpleMeterRegistry(), Clock.systemUTC());
    }

    /** Waits up to 30 s for {@code condition}; false if it never held. */
    public static boolean eventually(BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
