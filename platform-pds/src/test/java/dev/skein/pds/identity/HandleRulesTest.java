package dev.skein.pds.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.syntax.Handle;
import dev.skein.xrpc.XrpcException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandleRulesTest {
    private final HandleRules rules = new HandleRules(List.of(".test", ".agents.example.com"));

    private String check(String handle, boolean anyDomain) {
        try {
            return rules.checkNew(rules.parse(handle), anyDomain).value();
        } catch (XrpcException e) {
            return e.error();
        }
    }

    @Test
    void aHandleUnderAServiceDomainAddsOneLabelOf3To18Characters() {
        assertThat(check("Alice.TEST", false)).isEqualTo("alice.test");
        assertThat(check("bob.agents.example.com", false)).isEqualTo("bob.agents.example.com");
        assertThat(check("abc.test", false)).isEqualTo("abc.test");
        assertThat(check("ab.test", false)).isEqualTo("InvalidHandle");
        assertThat(check("a".repeat(18) + ".test", false)).isEqualTo("a".repeat(18) + ".test");
        assertThat(check("a".repeat(19) + ".test", false)).isEqualTo("InvalidHandle");
        assertThat(check("x.alice.test", false)).isEqualTo("InvalidHandle");
    }

    @Test
    void otherDomainsOnlyForTheAdministratorAndNeverReservedOnes() {
        assertThat(check("alice.example.org", false)).isEqualTo("UnsupportedDomain");
        assertThat(check("alice.example.org", true)).isEqualTo("alice.example.org");
        assertThat(check("alice.local", true)).isEqualTo("InvalidHandle");
        assertThat(check("handle.invalid", true)).isEqualTo("InvalidHandle");
        assertThat(check("not_valid.test", true)).isEqualTo("InvalidHandle");
        assertThat(rules.serviceDomain(Handle.parse("test.test"))).contains(".test");
        assertThat(rules.serviceDomain(Handle.parse("agents.example.com"))).isEmpty();
    }
}
