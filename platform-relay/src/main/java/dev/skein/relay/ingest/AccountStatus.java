package dev.skein.relay.ingest;

import java.util.Optional;

/**
 * An account's hosting status, as {@code #account} events and {@code getRepoStatus} name it. Only
 * {@link #ACTIVE} accounts have their repository events passed on.
 *
 * <p>Spec: <a href="https://atproto.com/specs/account">account hosting</a>.
 */
public enum AccountStatus {
    ACTIVE("active"),
    TAKENDOWN("takendown"),
    SUSPENDED("suspended"),
    DELETED("deleted"),
    DEACTIVATED("deactivated"),
    DESYNCHRONIZED("desynchronized"),
    THROTTLED("throttled");

    private final String wire;

    AccountStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public boolean active() {
        return this == ACTIVE;
    }

    /** The status with this wire name, if it is one of the known ones. */
    public static Optional<AccountStatus> fromWire(String s) {
        for (AccountStatus a : values()) {
            if (a.wire.equals(s)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * The status an {@code #account} event reports. An inactive account with an unknown or missing status is
     * taken as {@link #DEACTIVATED}: inactive either way, and the closest known reason.
     */
    public static AccountStatus fromEvent(boolean active, String status) {
        if (active) {
            return ACTIVE;
        }
        return status == null ? DEACTIVATED : fromWire(status).filter(s -> s != ACTIVE).orElse(DEACTIVATED);
    }
}
