package dev.skein.pds.auth;

import dev.skein.xrpc.Credentials;

/** The PDS administrator, authenticated with {@code Basic admin:<password>}. */
public enum AdminCredentials implements Credentials {
    INSTANCE
}
