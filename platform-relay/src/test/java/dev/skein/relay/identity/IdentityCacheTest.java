package dev.skein.relay.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.crypto.Curve;
import dev.skein.core.identity.DidDocument;
import dev.skein.core.syntax.Did;
import dev.skein.relay.host.Host;
import dev.skein.relay.testing.SimAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class IdentityCacheTest {
    final SimAccount alice = new SimAccount("alice", "https://pds.example.com", Curve.K256);
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-01T00:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void documentsAreReadOnceAndKeptForTheirTtl() {
        AtomicInteger calls = new AtomicInteger();
        IdentityCache cache = new IdentityCache(did -> {
            calls.incrementAndGet();
            return alice.document();
        }, Duration.ofMinutes(10), Duration.ofSeconds(30), clock, 100);
        ResolvedIdentity id = cache.get(alice.did());
        assertThat(id.signingKey()).isEqualTo(alice.key().publicKey());
        assertThat(id.pds()).isEqualTo(Host.parse("pds.example.com"));
        assertThat(id.handle().value()).isEqualTo("alice.test");
        cache.get(alice.did());
        assertThat(calls).hasValue(1);
        now.set(now.get().plus(Duration.ofMinutes(11)));
        cache.get(alice.did());
        assertThat(calls).hasValue(2);
        cache.refresh(alice.did());
        assertThat(calls).hasValue(3);
    }

    @Test
    void anUnreachableDirectoryServesTheStaleEntryForAWhile() {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        IdentityCache cache = new IdentityCache(did -> {
            if (failure.get() != null) {
                throw failure.get();
            }
            return alice.document();
        }, Duration.ofMinutes(10), Duration.ofSeconds(30), clock, 100);
        cache.get(alice.did());
        failure.set(new IdentityResolutionException(alice.did(), IdentityResolutionException.Reason.UNREACHABLE, "down"));
        now.set(now.get().plus(Duration.ofMinutes(15)));
        assertThat(cache.get(alice.did()).did()).isEqualTo(alice.did());
        now.set(now.get().plus(Duration.ofMinutes(10)));
        assertThatThrownBy(() -> cache.get(alice.did())).isInstanceOf(IdentityResolutionException.class);
    }

    @Test
    void failuresAreRememberedBrieflyAndADocumentForAnotherDidIsRefused() {
        AtomicInteger calls = new AtomicInteger();
        Did other = new Did("did:plc:otherotherotherotherothe");
        IdentityCache cache = new IdentityCache(did -> {
            calls.incrementAndGet();
            if (did.equals(other)) {
                return alice.document();
            }
            throw new IdentityResolutionException(did, IdentityResolutionException.Reason.NOT_FOUND, "no");
        }, Duration.ofMinutes(10), Duration.ofSeconds(30), clock, 100);
        Did missing = new Did("did:plc:missingmissingmissingmis");
        assertThatThrownBy(() -> cache.get(missing)).isInstanceOf(IdentityResolutionException.class);
        assertThatThrownBy(() -> cache.get(missing)).isInstanceOf(IdentityResolutionException.class);
        assertThat(calls).hasValue(1);
        now.set(now.get().plusSeconds(31));
        assertThatThrownBy(() -> cache.get(missing)).isInstanceOf(IdentityResolutionException.class);
        assertThat(calls).hasValue(2);
        assertThatThrownBy(() -> cache.get(other)).isInstanceOfSatisfying(IdentityResolutionException.class,
                e -> assertThat(e.reason()).isEqualTo(IdentityResolutionException.Reason.INVALID_DOCUMENT));
    }

    @Test
    void aDocumentWithoutKeyOrPdsResolvesWithoutThem() {
        DidDocument bare = SimAccount.document(alice.did(), null, null, null);
        ResolvedIdentity id = ResolvedIdentity.of(bare, Instant.EPOCH);
        assertThat(id.key()).isEmpty();
        assertThat(id.pdsHost()).isEmpty();
        assertThat(id.claimedHandle()).isEmpty();
    }
}
