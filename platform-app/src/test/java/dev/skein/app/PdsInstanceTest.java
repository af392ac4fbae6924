package dev.skein.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class PdsInstanceTest {
    private static final DataDirectory DATA = new DataDirectory(Path.of("/srv/skein"));

    private static RoleContexts roles() {
        return new RoleContexts(new SkeinProperties(Path.of("data"), Set.of(Role.values()), Map.of()), DATA, null);
    }

    @Test
    void namedInstancesBindFromPropertiesWithTheirPortAndPdsSettings() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("skein.pds-instances.beta.port", "3002")
                .withProperty("skein.pds-instances.alpha.port", "3001")
                .withProperty("skein.pds-instances.alpha.hostname", "alpha.example.com")
                .withProperty("skein.pds-instances.alpha.datasource.url", "jdbc:postgresql://db/skein");
        List<PdsInstance> instances = PdsInstance.from(env);
        assertThat(instances).extracting(PdsInstance::name).containsExactly("alpha", "beta");
        PdsInstance alpha = instances.getFirst();
        assertThat(alpha.port()).isEqualTo(3001);
        assertThat(alpha.overrides(DATA))
                .containsEntry("skein.pds.hostname", "alpha.example.com")
                .containsEntry("skein.pds.datasource.url", "jdbc:postgresql://db/skein")
                .containsEntry("skein.pds.data-dir", Path.of("/srv/skein/pds-alpha").toString())
                .containsEntry("skein.pds.datasource.schema", "pds_alpha")
                .doesNotContainKey("skein.pds.port");
    }

    @Test
    void namedInstancesBindFromEnvironmentVariables() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "SKEIN_PDSINSTANCES_ONE_PORT", "4001", "SKEIN_PDSINSTANCES_ONE_HOSTNAME", "one.example.com")));
        PdsInstance one = PdsInstance.from(env).getFirst();
        assertThat(one.name()).isEqualTo("one");
        assertThat(one.port()).isEqualTo(4001);
        assertThat(one.overrides(DATA)).containsEntry("skein.pds.hostname", "one.example.com");
    }

    @Test
    void anInstanceMayNameItsOwnDataFolderAndSchema() {
        PdsInstance p = PdsInstance.of("alpha", Map.of("data-dir", "/elsewhere", "datasource.schema", "custom"));
        assertThat(p.overrides(DATA)).containsEntry("skein.pds.data-dir", "/elsewhere").containsEntry("skein.pds.datasource.schema", "custom");
    }

    @Test
    void badNamesPortsAndPrefixedKeysAreClearErrors() {
        assertThatThrownBy(() -> PdsInstance.of("Alpha-1", Map.of()))
                .hasMessageContaining("skein.pds-instances.Alpha-1").hasMessageContaining("lower-case letters and digits");
        assertThatThrownBy(() -> PdsInstance.of("alpha", Map.of("port", "http")))
                .hasMessageContaining("skein.pds-instances.alpha.port is not a port: http");
        assertThatThrownBy(() -> PdsInstance.of("alpha", Map.of("port", "70000"))).hasMessageContaining("is not a port");
        assertThatThrownBy(() -> PdsInstance.of("alpha", Map.of("pds.hostname", "x")))
                .hasMessageContaining("without their prefix");
    }

    @Test
    void thePlanRunsTheNamedInstancesInsteadOfTheUnnamedPdsAndChecksTheirPorts() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("skein.pds-instances.one.port", "3001").withProperty("skein.pds-instances.two.port", "3002");
        assertThat(roles().plan(env)).extracting(RoleInstance::label)
                .containsExactly("platform", "plc", "pds one", "pds two", "relay");

        MockEnvironment noPort = new MockEnvironment().withProperty("skein.pds-instances.one.hostname", "a.example.com");
        assertThatThrownBy(() -> roles().plan(noPort)).hasMessageContaining("skein.pds-instances.one.port is not set");
        assertThat(roles().plan(noPort.withProperty("server.port", "0"))).as("random ports need none").hasSize(4);

        MockEnvironment clash = new MockEnvironment()
                .withProperty("skein.pds-instances.one.port", "2584").withProperty("skein.pds-instances.two.port", "3002");
        assertThatThrownBy(() -> roles().plan(clash)).hasMessageContaining("port 2584 is given to both pds one and relay");
    }

    @Test
    void withoutNamedInstancesThereIsOneUnnamedPds() {
        assertThat(roles().plan(new MockEnvironment())).extracting(RoleInstance::label)
                .containsExactly("platform", "plc", "pds", "relay");
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("x", Map.of("skein.pds.hostname", "pds.example.com")));
        assertThat(PdsInstance.from(env)).isEmpty();
    }
}
