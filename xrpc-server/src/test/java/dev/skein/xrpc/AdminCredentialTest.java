package dev.skein.xrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AdminCredentialTest {
    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aHashReadBackAcceptsThePasswordAndNothingElse() {
        AdminCredential made = AdminCredential.ofPassword("s3cret-Ω");
        String encoded = made.encoded();
        assertThat(encoded).startsWith("$pbkdf2-sha256$i=" + AdminCredential.ITERATIONS + "$").doesNotContain("s3cret");
        AdminCredential read = AdminCredential.ofHash(encoded);
        assertThat(read.matches("s3cret-Ω")).isTrue();
        assertThat(read.matches("s3cret-Ω")).as("again, from the remembered digest").isTrue();
        assertThat(read.matches("s3cret")).isFalse();
        assertThat(read.matches("")).isFalse();
        assertThat(read.matches(null)).isFalse();
        assertThat(AdminCredential.ofPassword("s3cret-Ω").encoded()).as("a fresh salt each time").isNotEqualTo(encoded);
    }

    @Test
    void theCheckRunsOffTheCallersThreadAndRefusesWithTheCallersError() {
        AdminCredential c = AdminCredential.ofPassword("pw");
        String[] thread = new String[1];
        assertThat(c.check(basic("admin:pw"), "granted", IllegalStateException::new)
                .doOnNext(g -> thread[0] = Thread.currentThread().getName()).block()).isEqualTo("granted");
        assertThat(thread[0]).startsWith("boundedElastic");
        assertThatThrownBy(() -> c.check(basic("admin:nope"), "granted", () -> new IllegalStateException("refused")).block())
                .isInstanceOf(IllegalStateException.class).hasMessage("refused");
    }

    @Test
    void theSchemeIsBasicWhateverItsCase() {
        assertThat(AdminCredential.isBasic("Basic abc")).isTrue();
        assertThat(AdminCredential.isBasic("bAsIc")).isTrue();
        assertThat(AdminCredential.isBasic("Bearer abc")).isFalse();
        assertThat(AdminCredential.isBasic("Basics abc")).isFalse();
    }

    @Test
    void basicHeadersNeedTheAdminUserAndThePassword() {
        AdminCredential c = AdminCredential.ofPassword("pw:with:colons");
        assertThat(c.allowsHeader(basic("admin:pw:with:colons"))).isTrue();
        assertThat(c.allowsHeader("basic " + Base64.getEncoder().encodeToString("admin:pw:with:colons".getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(c.allowsHeader(basic("root:pw:with:colons"))).isFalse();
        assertThat(c.allowsHeader(basic("admin:wrong"))).isFalse();
        assertThat(c.allowsHeader("Bearer admin:pw:with:colons")).isFalse();
        assertThat(c.allowsHeader("Basic !!!not-base64")).isFalse();
        assertThat(c.allowsHeader("Basic")).isFalse();
        assertThat(c.allowsHeader(null)).isFalse();
    }

    @Test
    void malformedHashesAndEmptyPasswordsAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> AdminCredential.ofHash("plaintext-password")).hasMessageNotContaining("plaintext-password");
        assertThatThrownBy(() -> AdminCredential.ofHash("$pbkdf2-sha256$i=10$AAAA$AAAA")).hasMessageContaining("too few iterations");
        assertThatThrownBy(() -> AdminCredential.ofPassword(" ")).hasMessageContaining("empty");
        assertThat(AdminCredential.ofPassword("x").toString()).doesNotContain("$pbkdf2");
    }

    @Test
    void anInProcessSecretIsAcceptedBesideTheOperatorsPasswordButNotStoredInTheHash() {
        AdminCredential operator = AdminCredential.ofPassword("operator-password");
        String secret = "0123456789abcdefghijklmnopqrstuvwxyzABCDEF";
        AdminCredential both = operator.alsoAcceptingInProcessSecret(secret);
        assertThat(both.matches("operator-password")).isTrue();
        assertThat(both.matches(secret)).isTrue();
        assertThat(both.matches(secret + "x")).isFalse();
        assertThat(operator.matches(secret)).isFalse();
        assertThat(AdminCredential.ofHash(both.encoded()).matches(secret)).isFalse();
        assertThatThrownBy(() -> operator.alsoAcceptingInProcessSecret("short")).hasMessageContaining("32 random");
    }
}
