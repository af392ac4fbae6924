package dev.skein.relay.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.crypto.Curve;
import dev.skein.core.syntax.Did;
import dev.skein.relay.testing.FakePlcServer;
import dev.skein.relay.testing.SimAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpDidResolverTest {
    @Test
    void didPlcIsReadFromTheDirectory() {
        try (FakePlcServer plc = new FakePlcServer()) {
            SimAccount alice = new SimAccount("alice", "https://pds.example.com", Curve.P256);
            plc.put(alice.document());
            HttpDidResolver r = new HttpDidResolver(HttpClient.newHttpClient(), URI.create(plc.url()), Duration.ofSeconds(5));
            assertThat(r.resolve(alice.did()).atprotoKey()).hasValue(alice.key().publicKey());
            assertThatThrownBy(() -> r.resolve(new Did("did:plc:missingmissingmissingmis")))
                    .isInstanceOfSatisfying(IdentityResolutionException.class,
                            e -> assertThat(e.reason()).isEqualTo(IdentityResolutionException.Reason.NOT_FOUND));
            assertThatThrownBy(() -> r.resolve(new Did("did:example:123")))
                    .isInstanceOfSatisfying(IdentityResolutionException.class,
                            e -> assertThat(e.reason()).isEqualTo(IdentityResolutionException.Reason.UNSUPPORTED_METHOD));
        }
    }

    @Test
    void anUnreachableDirectoryIsReportedAsSuch() {
        HttpDidResolver r = new HttpDidResolver(HttpClient.newHttpClient(), URI.create("http://localhost:1"), Duration.ofSeconds(2));
        assertThatThrownBy(() -> r.resolve(new Did("did:plc:aaaaaaaaaaaaaaaaaaaaaaaa")))
                .isInstanceOfSatisfying(IdentityResolutionException.class,
                        e -> assertThat(e.reason()).isEqualTo(IdentityResolutionException.Reason.UNREACHABLE));
    }
}
