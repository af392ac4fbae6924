package dev.skein.relay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.syntax.Nsid;
import dev.skein.xrpc.AdminCredential;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.Credentials;
import dev.skein.xrpc.XrpcException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** The relay's credential check: the operator's Basic credential, checked off the caller's thread. */
class RelayAuthTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final AdminCredential CREDENTIAL = AdminCredential.ofPassword(PASSWORD);
    private static final Nsid METHOD = Nsid.parse("dev.skein.relay.admin.banHost");

    private static HttpHeaders basic(String password) {
        HttpHeaders h = new HttpHeaders();
        h.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        return h;
    }

    private static XrpcException refusal(RelayAuth auth, AuthRequirement requirement, HttpHeaders headers) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> auth.authenticate(METHOD, requirement, headers).block());
        assertThat(t).isInstanceOf(XrpcException.class);
        return (XrpcException) t;
    }

    @Test
    void theAdminPasswordIsCheckedOffTheCallingThread() {
        RelayAuth auth = new RelayAuth(CREDENTIAL);
        for (AuthRequirement r : new AuthRequirement[] {AuthRequirement.ADMIN, AuthRequirement.OPTIONAL_ADMIN}) {
            String thread = auth.authenticate(METHOD, r, basic(PASSWORD))
                    .map(c -> {
                        assertThat(RelayAuth.isAdmin(c)).isTrue();
                        return Thread.currentThread().getName();
                    }).block();
            assertThat(thread).as("the thread the check answered on, for %s", r).startsWith("boundedElastic");
        }
    }

    @Test
    void adminMethodsRefuseMissingWrongAndOtherCredentialsWithAuthRequired() {
        RelayAuth auth = new RelayAuth(CREDENTIAL);
        HttpHeaders bearer = new HttpHeaders();
        bearer.setBearerAuth("some-token");
        for (HttpHeaders h : new HttpHeaders[] {new HttpHeaders(), basic("wrong"), bearer}) {
            XrpcException e = refusal(auth, AuthRequirement.ADMIN, h);
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.error()).isEqualTo("AuthRequired");
            assertThat(e.headers()).containsEntry("WWW-Authenticate", "Basic");
        }
        XrpcException none = refusal(new RelayAuth(null), AuthRequirement.ADMIN, basic(PASSWORD));
        assertThat(none.error()).as("without a configured credential, nobody is the operator").isEqualTo("AuthRequired");
    }

    @Test
    void anOptionalCredentialIsAnonymousWhenAbsentAndRefusedWhenWrong() {
        RelayAuth auth = new RelayAuth(CREDENTIAL);
        assertThat(auth.authenticate(METHOD, AuthRequirement.OPTIONAL_ADMIN, new HttpHeaders()).block())
                .isEqualTo(Credentials.ANONYMOUS);
        HttpHeaders bearer = new HttpHeaders();
        bearer.setBearerAuth("some-token");
        assertThat(auth.authenticate(METHOD, AuthRequirement.OPTIONAL_ADMIN, bearer).block())
                .as("another scheme is not an admin credential").isEqualTo(Credentials.ANONYMOUS);
        assertThat(refusal(auth, AuthRequirement.OPTIONAL_ADMIN, basic("wrong")).error()).isEqualTo("AuthRequired");
        assertThat(auth.authenticate(METHOD, AuthRequirement.NONE, basic("wrong")).block()).isEqualTo(Credentials.ANONYMOUS);
    }

    @Test
    void accountCredentialsAreNotARelaysAndFailAsItsBug() {
        assertThatThrownBy(() -> new RelayAuth(CREDENTIAL).authenticate(METHOD, AuthRequirement.ACCESS, new HttpHeaders()).block())
                .isInstanceOf(XrpcException.class).extracting(e -> ((XrpcException) e).status()).isEqualTo(500);
    }
}
