package dev.skein.pds.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.syntax.Did;
import org.junit.jupiter.api.Test;

class AccountStatusCacheTest {
    private static final Did ALICE = Did.parse("did:plc:aaaaaaaaaaaaaaaaaaaaaaaa");
    private static final Did BOB = Did.parse("did:plc:bbbbbbbbbbbbbbbbbbbbbbbb");

    @Test
    void keepsAStatusReadWithoutAnInvalidationMeanwhile() {
        AccountStatusCache cache = new AccountStatusCache(10);
        cache.put(ALICE, AccountStatus.ACTIVE, cache.generation());
        assertThat(cache.get(ALICE)).contains(AccountStatus.ACTIVE);
        assertThat(cache.get(BOB)).isEmpty();
    }

    @Test
    void anInvalidationForgetsTheStatus() {
        AccountStatusCache cache = new AccountStatusCache(10);
        cache.put(ALICE, AccountStatus.ACTIVE, cache.generation());
        cache.invalidate(ALICE);
        assertThat(cache.get(ALICE)).isEmpty();
    }

    @Test
    void refusesAStatusReadBeforeAnInvalidation() {
        AccountStatusCache cache = new AccountStatusCache(10);
        long readStarted = cache.generation();
        cache.invalidate(ALICE); // a takedown committed while the read ran: what it read may be the old status
        cache.put(ALICE, AccountStatus.ACTIVE, readStarted);
        assertThat(cache.get(ALICE)).isEmpty();
        cache.put(ALICE, AccountStatus.TAKENDOWN, cache.generation());
        assertThat(cache.get(ALICE)).contains(AccountStatus.TAKENDOWN);
    }

    @Test
    void staysWithinItsCapacity() {
        AccountStatusCache cache = new AccountStatusCache(1);
        cache.put(ALICE, AccountStatus.ACTIVE, cache.generation());
        cache.put(BOB, AccountStatus.ACTIVE, cache.generation());
        assertThat(cache.get(ALICE)).isEmpty();
        assertThat(cache.get(BOB)).contains(AccountStatus.ACTIVE);
    }
}
