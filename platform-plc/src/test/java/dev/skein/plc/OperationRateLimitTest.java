package dev.skein.plc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.identity.PlcLogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationRateLimitTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final TestIdentity id = new TestIdentity("alice.test");

    private List<PlcLogEntry> log(boolean nullified, Duration... ages) {
        List<PlcLogEntry> out = new ArrayList<>();
        for (Duration age : ages) {
            out.add(new PlcLogEntry(id.did, id.genesis, id.genesis.cid(), nullified, NOW.minus(age)));
        }
        return out;
    }

    @Test
    void eachWindowCountsTheActiveOperationsInsideIt() {
        OperationRateLimit limit = new OperationRateLimit(new PlcProperties.Limits(1024, 4000, 2, 3, 0));

        limit.check(id.did, log(false, Duration.ofMinutes(1)), NOW);
        limit.check(id.did, log(false, Duration.ofMinutes(1), Duration.ofMinutes(60)), NOW);
        limit.check(id.did, log(true, Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(3)), NOW);
        assertThatThrownBy(() -> limit.check(id.did, log(false, Duration.ofMinutes(1), Duration.ofMinutes(59)), NOW))
                .isInstanceOfSatisfying(PlcRateLimitException.class, e -> {
                    assertThat(e.window()).isEqualTo(Duration.ofHours(1));
                    assertThat(e.limit()).isEqualTo(2);
                    assertThat(e.did()).isEqualTo(id.did);
                    assertThat(e.getMessage()).isEqualTo("Too many operations for " + id.did + " within the last hour (max 2)");
                });
        assertThatThrownBy(() -> limit.check(id.did,
                log(false, Duration.ofHours(2), Duration.ofHours(3), Duration.ofHours(23)), NOW))
                .isInstanceOfSatisfying(PlcRateLimitException.class, e -> assertThat(e.window()).isEqualTo(Duration.ofDays(1)));
        limit.check(id.did, log(false, Duration.ofHours(25), Duration.ofHours(26), Duration.ofDays(6), Duration.ofDays(6)), NOW);
    }

    @Test
    void zeroTurnsAWindowOff() {
        OperationRateLimit limit = new OperationRateLimit(new PlcProperties.Limits(1024, 4000, 0, 0, 0));
        Duration[] many = new Duration[500];
        java.util.Arrays.fill(many, Duration.ofSeconds(1));
        limit.check(id.did, log(false, many), NOW);
    }
}
