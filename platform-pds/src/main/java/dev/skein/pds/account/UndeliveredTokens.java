package dev.skein.pds.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link AccountTokenDelivery}: the PDS sends no email, so the token goes nowhere. The log
 * line names the account and purpose, never the token; an administrator can act instead (e.g.
 * {@code com.atproto.admin.deleteAccount}).
 */
public final class UndeliveredTokens implements AccountTokenDelivery {
    private static final Logger log = LoggerFactory.getLogger(UndeliveredTokens.class);

    @Override
    public void deliver(Account account, AccountTokenStore.Purpose purpose, String token) {
        log.warn("{} asked for a {} token, but this PDS has no mail transport to deliver it; "
                + "an administrator can act for the account instead", account.did(), purpose.name().toLowerCase(java.util.Locale.ROOT));
    }
}
