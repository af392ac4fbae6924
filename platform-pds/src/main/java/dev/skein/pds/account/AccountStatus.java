package dev.skein.pds.account;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an account stands on this PDS. Only an active account's repository is served and written;
 * the others keep (or, once deleted, lost) their data.
 */
public enum AccountStatus {
    ACTIVE,
    /** Paused by its owner; {@code activateAccount} brings it back. */
    DEACTIVATED,
    /** Suspended by the administrator. */
    TAKENDOWN,
    /** Gone: the row remains, with no handle, credentials or repository. */
    DELETED;

    /** The name in the database and in {@code #account} events. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AccountStatus fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    public boolean active() {
        return this == ACTIVE;
    }

    /** The {@code status} of an {@code #account} event and of session responses: empty when active. */
    public Optional<String> eventStatus() {
        return active() ? Optional.empty() : Optional.of(wire());
    }
}
