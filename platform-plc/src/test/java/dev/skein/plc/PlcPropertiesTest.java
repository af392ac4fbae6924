package dev.skein.plc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PlcPropertiesTest {

    private static PlcProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("skein.plc", PlcProperties.class);
    }

    @Test
    void theDefaultsAreTheEmbeddedDatabaseAndTheReferenceDirectorysLimits() {
        PlcProperties p = bind(Map.of());

        assertThat(p).isEqualTo(PlcProperties.defaults(Path.of("data/plc")));
        assertThat(p.datasource().configuredUrl()).isEmpty();
        assertThat(p.datasource().schema()).isEqualTo("plc");
        assertThat(p.limits()).isEqualTo(new PlcProperties.Limits(32768, 4000, 10, 30, 100));
    }

    @Test
    void everySettingBindsFromItsKebabCaseName() {
        PlcProperties p = bind(Map.of(
                "skein.plc.data-dir", "/var/lib/skein/plc",
                "skein.plc.datasource.url", "jdbc:postgresql://db/skein",
                "skein.plc.datasource.username", "skein",
                "skein.plc.datasource.password", "secret",
                "skein.plc.datasource.schema", "plc_cluster",
                "skein.plc.datasource.max-pool-size", "4",
                "skein.plc.limits.max-request-bytes", "65536",
                "skein.plc.limits.max-operation-bytes", "7500",
                "skein.plc.limits.ops-per-hour", "0",
                "skein.plc.limits.ops-per-week", "1000"));

        assertThat(p.dataDir()).isEqualTo(Path.of("/var/lib/skein/plc"));
        assertThat(p.datasource()).isEqualTo(new PlcProperties.Datasource("jdbc:postgresql://db/skein", "skein", "secret", "plc_cluster", 4));
        assertThat(p.limits()).isEqualTo(new PlcProperties.Limits(65536, 7500, 0, 30, 1000));
    }

    @Test
    void impossibleSettingsAreRefusedAtStart() {
        assertThatThrownBy(() -> bind(Map.of("skein.plc.limits.max-operation-bytes", "7501")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("7500");
        assertThatThrownBy(() -> bind(Map.of("skein.plc.datasource.schema", "plc; DROP TABLE x")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("plain SQL identifier");
        assertThatThrownBy(() -> bind(Map.of("skein.plc.limits.ops-per-day", "-1")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("negative");
        assertThatThrownBy(() -> bind(Map.of("skein.plc.limits.max-request-bytes", "0")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("positive");
    }
}
