package dev.skein.pds.auth;

import java.util.Optional;

/** The {@code scope} claims of session tokens, as the reference PDS names them. */
public enum AuthScope {
    /** A session from the account password: everything. */
    ACCESS("com.atproto.access"),
    /** A session from an app password: everything but account management. */
    APP_PASS("com.atproto.appPass"),
    /** A session from a privileged app password: also what needs privileges. */
    APP_PASS_PRIVILEGED("com.atproto.appPassPrivileged"),
    /** A refresh token. */
    REFRESH("com.atproto.refresh");

    private final String claim;

    AuthScope(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    public static Optional<AuthScope> fromClaim(String claim) {
        for (AuthScope s : values()) {
            if (s.claim.equals(claim)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public boolean isAppPassword() {
        return this == APP_PASS || this == APP_PASS_PRIVILEGED;
    }
}
