package dev.skein.relay.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostTest {
    @Test
    void hostsAreLowercaseNamesWithAnOptionalPort() {
        assertThat(Host.parse("PDS.Example.com").value()).isEqualTo("pds.example.com");
        assertThat(Host.parse("localhost:2583").port()).isEqualTo(2583);
        assertThat(Host.parse("localhost:2583").name()).isEqualTo("localhost");
        assertThat(Host.parse("localhost:2583").isLocal()).isTrue();
        assertThat(Host.parse("127.0.0.1:80").isLocal()).isTrue();
        assertThat(Host.parse("pds.example.com").isLocal()).isFalse();
        assertThat(Host.parse("pds.example.com").port()).isEqualTo(-1);
    }

    @Test
    void aUrlsHostKeepsOnlyANonDefaultPort() {
        assertThat(Host.of(URI.create("https://pds.example.com"))).isEqualTo(Host.parse("pds.example.com"));
        assertThat(Host.of(URI.create("https://pds.example.com:443/"))).isEqualTo(Host.parse("pds.example.com"));
        assertThat(Host.of(URI.create("http://pds.example.com:80"))).isEqualTo(Host.parse("pds.example.com"));
        assertThat(Host.of(URI.create("http://localhost:2583"))).isEqualTo(Host.parse("localhost:2583"));
        assertThat(Host.of(URI.create("https://pds.example.com:8443"))).isEqualTo(Host.parse("pds.example.com:8443"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "https://pds.example.com", "pds.example.com/path", "pds..example.com", "-pds.example.com",
            "pds.example.com:", "pds.example.com:0", "pds.example.com:65536", "pds.example.com:12a", "pds example.com",
            "pds_example.com"})
    void otherTextIsNotAHost(String s) {
        assertThatThrownBy(() -> Host.parse(s)).isInstanceOf(InvalidHostException.class);
    }
}
