package dev.skein.app.cluster;

import dev.skein.app.Role;
import dev.skein.app.RoleContexts;
import dev.skein.app.SkeinApplication;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The end-to-end agent exchange ({@link AgentExchange}) against the embedded default: one process, every role,
 * H2, both agents on its one PDS.
 */
@SpringBootTest(classes = SkeinApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "server.port=0")
class EmbeddedDefaultEndToEndTest {
    private static final Path DATA = Path.of("target", "test-data", UUID.randomUUID().toString(), "data");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("skein.data-dir", DATA::toString);
        registry.add("skein.pds.password-hash-cost", () -> "14");
    }

    @Autowired
    RoleContexts roles;

    @Test
    void agentsExchangeAMessageARequestAndAResponseThroughTheRelay() throws Exception {
        new AgentExchange(roles.url(Role.PDS).orElseThrow(), roles.url(Role.PDS).orElseThrow(),
                roles.url(Role.RELAY).orElseThrow(), roles.url(Role.PLC).orElseThrow()).run();
    }
}
