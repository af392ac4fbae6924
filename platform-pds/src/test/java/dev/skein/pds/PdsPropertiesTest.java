package dev.skein.pds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PdsPropertiesTest {

    private static PdsProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("skein.pds", PdsProperties.class);
    }

    @Test
    void defaultsSuitALaptop() {
        PdsProperties p = bind(Map.of());
        assertThat(p.hostname()).isEqualTo("localhost");
        assertThat(p.serviceDid()).isEqualTo("did:web:localhost");
        assertThat(p.handleDomains()).containsExactly(".test");
        assertThat(p.plcUrl()).isEqualTo(URI.create("http://127.0.0.1:2582"));
        assertThat(p.dataDir()).isEqualTo(Path.of("data/pds"));
        assertThat(p.datasource().configuredUrl()).isEmpty();
        assertThat(p.datasource().schema()).isEqualTo("pds");
        assertThat(p.sessions()).isEqualTo(PdsProperties.Sessions.DEFAULT);
        assertThat(p.blobUploadLimit()).isEqualTo(5L * 1024 * 1024);
        assertThat(p.inviteRequired()).isFalse();
        assertThat(p.passwordHashCost()).isEqualTo(15);
        assertThat(p.configuredPublicUrl()).isEmpty();
    }

    @Test
    void settingsBindAndAreChecked() {
        PdsProperties p = bind(Map.of("skein.pds.hostname", "PDS.Example.com", "skein.pds.handle-domains", ".Example.com,.agents.example.com",
                "skein.pds.public-url", "https://pds.example.com", "skein.pds.sessions.access-lifetime", "15m",
                "skein.pds.datasource.url", "jdbc:postgresql://db/skein", "skein.pds.datasource.password", "s3cret"));
        assertThat(p.serviceDid()).isEqualTo("did:web:pds.example.com");
        assertThat(p.handleDomains()).isEqualTo(List.of(".example.com", ".agents.example.com"));
        assertThat(p.sessions().accessLifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(p.configuredPublicUrl()).contains(URI.create("https://pds.example.com"));
        assertThat(p.datasource().toString()).doesNotContain("s3cret");
        assertThatThrownBy(() -> bind(Map.of("skein.pds.handle-domains", "example.com"))).isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("skein.pds.public-url", "https://pds.example.com/path"))).isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("skein.pds.hostname", "pds.example.com:8080"))).isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("skein.pds.password-hash-cost", "12"))).isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("skein.pds.plc-url", "ftp://plc"))).isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("skein.pds.sessions.refresh-grace", "0s"))).isInstanceOf(BindException.class);
    }

    @Test
    void crawlersAndTheFirehoseWindowBindWithDefaults() {
        PdsProperties d = bind(Map.of());
        assertThat(d.crawlers()).isEmpty();
        assertThat(d.firehose()).isEqualTo(PdsProperties.Firehose.DEFAULT);
        assertThat(d.firehose().retention()).isEqualTo(Duration.ofHours(72));
        assertThat(d.firehose().crawlInterval()).isEqualTo(Duration.ofMinutes(20));
        PdsProperties p = bind(Map.of("skein.pds.crawlers", "https://relay.example.com,http://127.0.0.1:2584",
                "skein.pds.firehose.retention", "1h", "skein.pds.firehose.consumer-buffer", "20"));
        assertThat(p.crawlers()).containsExactly(URI.create("https://relay.example.com"), URI.create("http://127.0.0.1:2584"));
        assertThat(p.firehose().retention()).isEqualTo(Duration.ofHours(1));
        assertThat(p.firehose().consumerBuffer()).isEqualTo(20);
        assertThatThrownBy(() -> bind(Map.of("skein.pds.crawlers", "relay.example.com"))).isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("skein.pds.firehose.consumer-buffer", "0"))).isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("skein.pds.firehose.retention", "0s"))).isInstanceOf(BindException.class);
    }

    @Test
    void theWellKnownRouteReadsTheHostName() {
        assertThat(WellKnownRoutes.host("Alice.Test:2583")).contains("alice.test");
        assertThat(WellKnownRoutes.host("alice.test.")).contains("alice.test");
        assertThat(WellKnownRoutes.host("[::1]:2583")).isEmpty();
        assertThat(WellKnownRoutes.host(null)).isEmpty();
    }
}
