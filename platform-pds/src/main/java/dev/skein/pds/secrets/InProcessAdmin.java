package dev.skein.pds.secrets;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random secret, made at start and held only in memory, with which the PDS authenticates admin calls it makes
 * to its own XRPC API: under the platform it knows only the hash of the operator's password, so it cannot
 * present that. Never stored, never logged; {@link #toString()} hides it.
 *
 * @param secret 256 random bits, base64url
 */
public record InProcessAdmin(String secret) {

    public static InProcessAdmin generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new InProcessAdmin(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    public String toString() {
        return "InProcessAdmin[secret=<hidden>]";
    }
}
