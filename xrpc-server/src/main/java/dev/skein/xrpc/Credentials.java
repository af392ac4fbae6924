package dev.skein.xrpc;

/**
 * Who made an XRPC call, as the service's {@link XrpcAuth} established it. Services define their own
 * kinds (an account session, the administrator, a service JWT); calls without credentials carry
 * {@link #ANONYMOUS}.
 */
public interface Credentials {
    Credentials ANONYMOUS = Anonymous.INSTANCE;

    /** The credentials of a call that presented none. */
    enum Anonymous implements Credentials {
        INSTANCE
    }
}
