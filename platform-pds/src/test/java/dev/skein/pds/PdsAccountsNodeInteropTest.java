package dev.skein.pds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.testsupport.NodeInterop;
import dev.skein.testsupport.RequiresNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The PDS against the official client ({@code interop-node/pds-accounts.mjs}): {@code @atproto/api}'s
 * AtpAgent, which validates every response against its own lexicons, creates an account, logs in with the
 * password and with an app password, reads the session, and, once the server's clock has moved past the
 * access token's (short) life, refreshes on its own after {@code ExpiredToken} and resumes a stored
 * session; {@code @atproto/identity}'s IdResolver resolves the handle through {@code /.well-known/atproto-did}
 * and the DID through the PLC directory.
 */
@RequiresNode
class PdsAccountsNodeInteropTest extends PdsContract {
    private static final Duration ACCESS_LIFETIME = Duration.ofMinutes(5);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        h2(registry);
        registry.add("skein.pds.sessions.access-lifetime", () -> ACCESS_LIFETIME.toMinutes() + "m");
    }

    @BeforeAll
    static void node() {
        NodeInterop.requireVersion();
    }

    @Test
    void theOfficialClientCreatesLogsInRefreshesAndResolves() {
        String handle = newHandle();
        String email = handle.substring(0, handle.indexOf('.')) + "@mail.example.com";
        String service = "http://127.0.0.1:" + port;
        ObjectNode create = JSON.createObjectNode().put("phase", "create").put("service", service)
                .put("plcUrl", TestPlc.url()).put("handle", handle).put("email", email).put("password", PASSWORD);
        JsonNode out = JSON.readTree(NodeInterop.runOk("pds-accounts.mjs", JSON.writeValueAsString(create)));

        assertThat(out.path("describe").path("did").asString()).isEqualTo("did:web:localhost");
        assertThat(out.path("describe").path("availableUserDomains").get(0).asString()).isEqualTo(".test");
        String did = out.path("created").path("did").asString();
        assertThat(did).startsWith("did:plc:");
        assertThat(out.path("created").path("handle").asString()).isEqualTo(handle);
        assertThat(out.path("getSession").path("did").asString()).isEqualTo(did);
        assertThat(out.path("getSession").path("email").asString()).isEqualTo(email);
        assertThat(out.path("session").path("did").asString()).isEqualTo(did);
        assertThat(out.path("appPassword").path("did").asString()).isEqualTo(did);
        assertThat(out.path("appPassword").path("scope").asString()).isEqualTo("com.atproto.appPass");
        assertThat(out.path("resolved").path("handleDid").asString()).isEqualTo(did);
        JsonNode atproto = out.path("resolved").path("atproto");
        assertThat(atproto.path("did").asString()).isEqualTo(did);
        assertThat(atproto.path("handle").asString()).isEqualTo(handle);
        assertThat(atproto.path("pds").asString()).isEqualTo("http://localhost:" + port);
        assertThat(atproto.path("signingKey").asString()).startsWith("did:key:zQ3s");

        clock.advance(ACCESS_LIFETIME.plusSeconds(1));
        ObjectNode expired = JSON.createObjectNode().put("phase", "expired").put("service", service);
        expired.set("session", out.path("session"));
        JsonNode after = JSON.readTree(NodeInterop.runOk("pds-accounts.mjs", JSON.writeValueAsString(expired)));
        assertThat(after.path("status").path("activated").asBoolean()).isTrue();
        assertThat(after.path("status").path("validDid").asBoolean()).isTrue();
        assertThat(after.path("events").get(0).asString()).isEqualTo("update");
        assertThat(after.path("accessChanged").asBoolean()).isTrue();
        assertThat(after.path("resumed").path("did").asString()).isEqualTo(did);
        assertThat(after.path("resumed").path("handle").asString()).isEqualTo(handle);
    }
}
