package dev.skein.pds.account;

/**
 * Gets a one-time token to the account that asked for it (the reference PDS emails it). The PDS has no
 * mail transport: by default the token is not delivered, and a log line says so without the token.
 */
@FunctionalInterface
public interface AccountTokenDelivery {

    void deliver(Account account, AccountTokenStore.Purpose purpose, String token);
}
