package dev.skein.pds.account;

import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account as stored (without its credentials or key).
 *
 * @param did the account's DID
 * @param handle its handle; empty once deleted
 * @param email its email address, lowercase, if it gave one
 * @param status where it stands
 * @param takedownRef the administrator's reference for a takedown
 * @param createdAt when it was created here
 * @param deactivatedAt when its owner deactivated it
 * @param deleteAfter when its owner asked it to be deleted, if deactivated with a date
 */
public record Account(Did did, Optional<Handle> handle, Optional<String> email, AccountStatus status,
                      Optional<String> takedownRef, Instant createdAt, Optional<Instant> deactivatedAt,
                      Optional<Instant> deleteAfter) {
    public Account {
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(takedownRef, "takedownRef");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(deactivatedAt, "deactivatedAt");
        Objects.requireNonNull(deleteAfter, "deleteAfter");
    }

    /** The handle to show: {@code handle.invalid} when there is none. */
    public Handle handleOrInvalid() {
        return handle.orElse(Handle.INVALID);
    }
}
