package dev.skein.relay.identity;

import dev.skein.core.syntax.Did;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolved identities by DID, each kept for {@code ttl}. When a stale entry cannot be refreshed because the
 * directory is unreachable, the stale entry is served for up to {@code ttl} more, so that an outage of the PLC
 * directory does not stop ingest; a DID that does not resolve is remembered as such for {@code negativeTtl}, so
 * a stream of events for a broken DID costs one lookup, not one per event.
 *
 * <p>Thread-safe. Two threads missing the same DID at once may both resolve it; the later answer wins.
 */
public final class IdentityCache {
    private final DidResolver resolver;
    private final Duration ttl;
    private final Duration negativeTtl;
    private final Clock clock;
    private final int maxEntries;
    private final ConcurrentHashMap<Did, ResolvedIdentity> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Did, Failure> failures = new ConcurrentHashMap<>();

    private record Failure(IdentityResolutionException error, Instant at) {}

    public IdentityCache(DidResolver resolver, Duration ttl, Duration negativeTtl, Clock clock, int maxEntries) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.ttl = ttl;
        this.negativeTtl = negativeTtl;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    /**
     * The cached identity, or a fresh one when there is none or it is older than the TTL.
     *
     * @throws IdentityResolutionException when the DID does not resolve (and there is no usable stale entry)
     */
    public ResolvedIdentity get(Did did) {
        ResolvedIdentity cached = entries.get(did);
        Instant now = clock.instant();
        if (cached != null && cached.resolvedAt().plus(ttl).isAfter(now)) {
            return cached;
        }
        Failure failed = failures.get(did);
        if (cached == null && failed != null && failed.at().plus(negativeTtl).isAfter(now)) {
            throw failed.error();
        }
        try {
            return resolve(did);
        } catch (IdentityResolutionException e) {
            if (cached != null && e.reason() == IdentityResolutionException.Reason.UNREACHABLE
                    && cached.resolvedAt().plus(ttl.multipliedBy(2)).isAfter(now)) {
                return cached;
            }
            throw e;
        }
    }

    /**
     * Resolves {@code did} now, replacing what is cached: after an {@code #identity} event, or when a signature
     * did not verify with the cached key.
     *
     * @throws IdentityResolutionException when the DID does not resolve; the cached entry is dropped then
     */
    public ResolvedIdentity refresh(Did did) {
        return resolve(did);
    }

    /** Forgets {@code did}. */
    public void purge(Did did) {
        entries.remove(did);
        failures.remove(did);
    }

    /** The cached entry, if any, however old. */
    public ResolvedIdentity peek(Did did) {
        return entries.get(did);
    }

    public int size() {
        return entries.size();
    }

    private ResolvedIdentity resolve(Did did) {
        try {
            ResolvedIdentity id = ResolvedIdentity.of(resolver.resolve(did).requireId(did), clock.instant());
            if (entries.size() >= maxEntries) {
                // A rough bound: dropping everything is rare (the cap is far above the active account count)
                // and only costs re-resolution.
                entries.clear();
            }
            entries.put(did, id);
            failures.remove(did);
            return id;
        } catch (IdentityResolutionException e) {
            if (e.reason() != IdentityResolutionException.Reason.UNREACHABLE) {
                entries.remove(did);
            }
            failures.put(did, new Failure(e, clock.instant()));
            throw e;
        } catch (RuntimeException e) {
            IdentityResolutionException wrapped = new IdentityResolutionException(did,
                    IdentityResolutionException.Reason.INVALID_DOCUMENT, e.getMessage(), e);
            entries.remove(did);
            failures.put(did, new Failure(wrapped, clock.instant()));
            throw wrapped;
        }
    }
}
