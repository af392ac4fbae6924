package dev.skein.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class RoleContextsTest {
    private static RoleContexts roles(Map<Role, Integer> ports) {
        return new RoleContexts(new SkeinProperties(Path.of("data"), Set.of(Role.values()), ports),
                new DataDirectory(Path.of("/srv/skein")), null);
    }

    @Test
    void portsComeFromSkeinPortsThenServerPortThenTheDefaults() {
        RoleContexts r = roles(Map.of(Role.PDS, 9000));
        MockEnvironment none = new MockEnvironment();
        assertThat(r.port(Role.PLATFORM, none)).isEqualTo(2580);
        assertThat(r.port(Role.PLC, none)).isEqualTo(2582);
        assertThat(r.port(Role.PDS, none)).isEqualTo(9000);
        MockEnvironment random = new MockEnvironment().withProperty("server.port", "0");
        assertThat(r.port(Role.PLATFORM, random)).isZero();
        assertThat(r.port(Role.PLC, random)).isZero();
        assertThat(r.port(Role.PDS, random)).as("an explicit role port still wins").isEqualTo(9000);
        MockEnvironment fixed = new MockEnvironment().withProperty("server.port", "8080");
        assertThat(r.port(Role.PLATFORM, fixed)).isEqualTo(8080);
        assertThat(r.port(Role.PLC, fixed)).isEqualTo(2582);
    }

    @Test
    void eachRoleDefaultsToItsOwnDataFolder() {
        RoleContexts r = roles(Map.of());
        assertThat(r.defaults(Role.PDS)).containsEntry("skein.pds.data-dir", Path.of("/srv/skein/pds").toString());
        assertThat(r.defaults(Role.PLC)).containsEntry("skein.plc.data-dir", Path.of("/srv/skein/plc").toString());
        assertThat(r.defaults(Role.PDS)).containsEntry("skein.pds.lexicon-authority.enabled", "true");
        assertThat(r.defaults(Role.PDS)).as("no PLC role running here: the PDS keeps its own setting")
                .doesNotContainKey("skein.pds.plc-url");
    }

    @Test
    void thePdsAsksTheLocalRelayToCrawlItAtTheRelaysPort() {
        assertThat(roles(Map.of()).defaults(Role.PDS, new MockEnvironment()))
                .containsEntry("skein.pds.crawlers", "http://127.0.0.1:2584");
        assertThat(roles(Map.of(Role.RELAY, 9100)).defaults(Role.PDS, new MockEnvironment()))
                .containsEntry("skein.pds.crawlers", "http://127.0.0.1:9100");
        assertThat(roles(Map.of()).defaults(Role.PDS, new MockEnvironment().withProperty("server.port", "0")))
                .as("a random relay port is not known before it starts").doesNotContainKey("skein.pds.crawlers");
        RoleContexts noRelay = new RoleContexts(new SkeinProperties(Path.of("data"), Set.of(Role.PLC, Role.PDS), Map.of()),
                new DataDirectory(Path.of("/srv/skein")), null);
        assertThat(noRelay.defaults(Role.PDS, new MockEnvironment())).doesNotContainKey("skein.pds.crawlers");
    }
}
