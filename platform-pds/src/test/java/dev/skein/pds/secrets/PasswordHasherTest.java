package dev.skein.pds.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(14);

    @Test
    void hashesCarryTheirParametersAndAFreshSalt() {
        String a = hasher.hash("hunter2");
        String b = hasher.hash("hunter2");
        assertThat(a).matches("\\$scrypt\\$ln=14,r=8,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{86}");
        assertThat(a).isNotEqualTo(b);
        assertThat(hasher.verify("hunter2", a)).isTrue();
        assertThat(hasher.verify("hunter2", b)).isTrue();
        assertThat(hasher.verify("hunter3", a)).isFalse();
        assertThat(hasher.verify("", a)).isFalse();
    }

    @Test
    void aHashKeepsWorkingWhenTheCostIsRaisedAndAsksToBeRedone() {
        String old = hasher.hash("pw");
        PasswordHasher stronger = new PasswordHasher(15);
        assertThat(stronger.verify("pw", old)).isTrue();
        assertThat(stronger.needsRehash(old)).isTrue();
        assertThat(stronger.needsRehash(stronger.hash("pw"))).isFalse();
        assertThat(hasher.needsRehash(old)).isFalse();
    }

    @Test
    void malformedHashesAndOverlongPasswordsNeverMatch() {
        String h = hasher.hash("x".repeat(PasswordHasher.MAX_PASSWORD_LENGTH));
        assertThat(hasher.verify("x".repeat(PasswordHasher.MAX_PASSWORD_LENGTH), h)).isTrue();
        assertThat(hasher.verify("x".repeat(PasswordHasher.MAX_PASSWORD_LENGTH + 1), h)).isFalse();
        assertThat(hasher.verify("pw", null)).isFalse();
        assertThat(hasher.verify("pw", "$2b$10$bcrypt")).isFalse();
        assertThat(hasher.verify("pw", "$scrypt$ln=30,r=8,p=1$AAAA$AAAA")).isFalse();
        assertThatThrownBy(() -> new PasswordHasher(10)).isInstanceOf(IllegalArgumentException.class);
    }
}
