package dev.skein.plc;

import dev.skein.core.identity.PlcLogEntry;
import dev.skein.core.syntax.Did;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How many operations a DID may have accepted in the last hour, day and week (the reference directory's
 * windows). Recovery operations, which nullify others, are not limited, so that someone holding a
 * lower-priority key cannot use up the allowance and lock the owner out of recovering.
 */
final class OperationRateLimit {
    private record Window(Duration length, int max) {}

    private final List<Window> windows;

    OperationRateLimit(PlcProperties.Limits limits) {
        this.windows = List.of(
                        new Window(Duration.ofHours(1), limits.opsPerHour()),
                        new Window(Duration.ofDays(1), limits.opsPerDay()),
                        new Window(Duration.ofDays(7), limits.opsPerWeek()))
                .stream().filter(w -> w.max() > 0).toList();
    }

    /**
     * Refuses a new operation at {@code now} if the DID's active operations ({@code log}) already fill a window.
     *
     * @throws PlcRateLimitException for the shortest window that is full
     */
    void check(Did did, List<PlcLogEntry> log, Instant now) {
        for (Window w : windows) {
            Instant since = now.minus(w.length());
            long recent = log.stream().filter(e -> !e.nullified() && e.createdAt().isAfter(since)).count();
            if (recent >= w.max()) {
                throw new PlcRateLimitException(did, w.length(), w.max());
            }
        }
    }
}
