package dev.skein.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class SkeinPropertiesTest {

    private static SkeinProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("skein", SkeinProperties.class);
    }

    @Test
    void withNoSettingsEveryRoleRunsOnItsDefaultPortWithDataUnderDotData() {
        SkeinProperties p = bind(Map.of());
        assertThat(p.dataDir()).isEqualTo(Path.of("data"));
        assertThat(p.roles()).containsExactlyInAnyOrder(Role.values());
        assertThat(p.port(Role.PLATFORM)).isEqualTo(2580);
        assertThat(p.port(Role.PLC)).isEqualTo(2582);
        assertThat(p.port(Role.PDS)).isEqualTo(2583);
    }

    @Test
    void settingsAndEnvironmentStyleNamesOverrideTheDefaults() {
        SkeinProperties p = bind(Map.of("skein.data-dir", "/var/lib/skein", "skein.roles", "plc,pds",
                "skein.ports.platform", "8080", "skein.ports.pds", "443"));
        assertThat(p.dataDir()).isEqualTo(Path.of("/var/lib/skein"));
        assertThat(p.roles()).containsExactlyInAnyOrder(Role.PLC, Role.PDS);
        assertThat(p.port(Role.PLATFORM)).isEqualTo(8080);
        assertThat(p.port(Role.PDS)).isEqualTo(443);
    }

    @Test
    void environmentVariablesBindTooAsTheReadmeSays() {
        SystemEnvironmentPropertySource env = new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("SKEIN_DATA_DIR", "/srv/skein", "SKEIN_PORTS_PLATFORM", "9000", "SKEIN_ROLES", "platform"));
        SkeinProperties p = new Binder(ConfigurationPropertySources.from(env)).bindOrCreate("skein", SkeinProperties.class);
        assertThat(p.dataDir()).isEqualTo(Path.of("/srv/skein"));
        assertThat(p.port(Role.PLATFORM)).isEqualTo(9000);
        assertThat(p.roles()).containsExactly(Role.PLATFORM);
    }

    @Test
    void rejectsAnUnknownRoleAnEmptyRoleListAndAnImpossiblePort() {
        assertThatThrownBy(() -> bind(Map.of("skein.roles", "pds-of-the-future")))
                .isInstanceOf(BindException.class);
        assertThatThrownBy(() -> new SkeinProperties(Path.of("d"), Set.of(), Map.of()))
                .hasMessageContaining("skein.roles is empty");
        assertThatThrownBy(() -> bind(Map.of("skein.ports.platform", "70000")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("skein.ports.platform is not a port: 70000");
    }

    @Test
    void theShortRolesFlagIsSkeinRoles() {
        assertThat(SkeinApplication.expandShortFlags(new String[] {"--roles=plc,pds", "--server.port=0", "--skein.roles=x"}))
                .containsExactly("--skein.roles=plc,pds", "--server.port=0", "--skein.roles=x");
    }

    @Test
    void printsLoopbackForAServerOnEveryInterface() {
        assertThat(StartupReport.printableHost(null)).isEqualTo("127.0.0.1");
        assertThat(StartupReport.printableHost("0.0.0.0")).isEqualTo("127.0.0.1");
        assertThat(StartupReport.printableHost("::")).isEqualTo("127.0.0.1");
        assertThat(StartupReport.printableHost("10.1.2.3")).isEqualTo("10.1.2.3");
        assertThat(StartupReport.printableHost("::1")).isEqualTo("[0:0:0:0:0:0:0:1]");
    }
}
